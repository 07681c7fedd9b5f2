package org.epicall.messaging.internal;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.epicall.messaging.KafkaConnection;

/**
 * What went wrong between a client and the cluster, said so that the operator knows what to change:
 * a refused login and a missing ACL call for different fixes than a broker that is down. Stateless.
 */
public final class KafkaFailures {

    private KafkaFailures() {
    }

    /** True if the cluster answered and refused: retrying will not help until someone changes a setting or an ACL. */
    public static boolean refused(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof AuthenticationException || cause instanceof AuthorizationException;
    }

    /** One sentence on the failure, and what to do when it is a refusal. */
    public static String describe(Throwable failure, KafkaConnection connection) {
        Throwable cause = unwrap(failure);
        String principal = connection.security().principal();
        return switch (cause) {
            case SslAuthenticationException e -> "the TLS handshake with Kafka at " + connection.bootstrapServers()
                    + " failed (" + e.getMessage() + "): check the security truststore holds the certificate that"
                    + " signed the broker's, and that the broker's certificate names the host you connect to";
            case AuthenticationException e -> "Kafka at " + connection.bootstrapServers() + " refused to authenticate "
                    + principal + " (" + e.getMessage() + "): check the security username and password, and that"
                    + " the user exists on the cluster (kafka-configs --describe --entity-type users)";
            case TopicAuthorizationException e -> principal + " may not use topics " + e.unauthorizedTopics()
                    + " at " + connection.bootstrapServers() + ": grant it with kafka-acls (README: Running it safely"
                    + " in production)";
            case GroupAuthorizationException e -> principal + " may not use consumer group '" + e.groupId()
                    + "' at " + connection.bootstrapServers() + ": grant it READ on the group with kafka-acls";
            case AuthorizationException e -> principal + " is not authorized at " + connection.bootstrapServers()
                    + " (" + e.getMessage() + "): grant it with kafka-acls";
            default -> cause.getMessage() == null ? cause.toString() : cause.getMessage();
        };
    }

    /**
     * A client that could not even be made: the settings, not the cluster, are at fault (a truststore
     * that is not one, a wrong password to it).
     */
    public static IllegalStateException clientNotBuilt(RuntimeException failure, KafkaConnection connection) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new IllegalStateException("Kafka clients for " + connection + " cannot be made (" + root.getMessage()
                + "): check the Kafka security settings (truststore, its password and type)", failure);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof ExecutionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}

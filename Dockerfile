# The epicall service image. Build the jar first: ./mvnw -B -q -DskipTests package
FROM eclipse-temurin:25-jre
# espeak-ng and sox: the campaign service renders prompts no official has recorded (prompts/render).
RUN apt-get update && apt-get install -y --no-install-recommends espeak-ng sox \
    && rm -rf /var/lib/apt/lists/*
# The recordings volume is shared with the Asterisk container, which runs as its own user: group 10001 owns
# it, set-group-id (2775), and Asterisk joins that group (docker-compose.yml group_add), so RECORD FILE can
# write the campaign directories the dialer makes there (also 2775). The other directories the compose
# file's volumes mount exist so that a new volume starts owned by the service's user.
RUN groupadd --system --gid 10001 epicall && useradd --system --uid 10001 --gid 10001 --home-dir /app epicall \
    && mkdir -p /data/campaign/prompts /var/spool/epicall/recordings \
    && chown -R epicall:epicall /data /var/spool/epicall && chmod 2775 /var/spool/epicall/recordings
WORKDIR /app
COPY app/target/epicall.jar /app/epicall.jar
USER epicall
EXPOSE 8080 4573
VOLUME ["/data"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/epicall.jar"]
CMD ["campaign-service"]

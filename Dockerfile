# The epicall service image. Build the jar first: ./mvnw -B -q -DskipTests package
FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --home-dir /app epicall && mkdir -p /data /var/spool/epicall/recordings \
    && chown -R epicall /data /var/spool/epicall
WORKDIR /app
COPY app/target/epicall.jar /app/epicall.jar
USER epicall
EXPOSE 8080 4573
VOLUME ["/data"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/epicall.jar"]
CMD ["campaign-service"]

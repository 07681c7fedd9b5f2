# The epicall service image. Build the jar first: ./mvnw -B -q -DskipTests package
FROM eclipse-temurin:25-jre
# espeak-ng and sox: the campaign service renders prompts no official has recorded (prompts/render).
RUN apt-get update && apt-get install -y --no-install-recommends espeak-ng sox \
    && rm -rf /var/lib/apt/lists/*
# The directories the compose file's volumes mount, so that a new volume starts owned by the service's user.
RUN useradd --system --uid 10001 --home-dir /app epicall \
    && mkdir -p /data/campaign/prompts /var/spool/epicall/recordings \
    && chown -R epicall /data /var/spool/epicall
WORKDIR /app
COPY app/target/epicall.jar /app/epicall.jar
USER epicall
EXPOSE 8080 4573
VOLUME ["/data"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/epicall.jar"]
CMD ["campaign-service"]

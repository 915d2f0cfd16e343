# qoegraph: a multi-stage build. No Docker engine runs on the project's build machines, so this file
# is kept plain and is not built in CI; see README.md "Docker".

# --- build stage: Maven (through the wrapper) and a full JDK -----------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
# dependencies first, so code changes do not re-download them
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -q -DskipTests package

# --- runtime stage: a slim JRE, the fat jar, the model/queries folder ------------------------
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/qoegraph.jar /app/qoegraph.jar
COPY queries /app/queries
# the database and generated sample data live on a volume and survive container restarts
ENV QOEGRAPH_DATABASE=/data/qoegraph.duckdb \
    QOEGRAPH_SAMPLE_DIR=/data/sample \
    QOEGRAPH_QUERIES_DIR=/app/queries
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/qoegraph.jar"]

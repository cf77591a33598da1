# Build: restore and publish with the SDK image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY Ava.Domain/Ava.Domain.csproj Ava.Domain/
COPY Ava.Infrastructure/Ava.Infrastructure.csproj Ava.Infrastructure/
COPY Ava.Dashboard/Ava.Dashboard.csproj Ava.Dashboard/
RUN dotnet restore Ava.Dashboard/Ava.Dashboard.csproj
COPY Ava.Domain/ Ava.Domain/
COPY Ava.Infrastructure/ Ava.Infrastructure/
COPY Ava.Dashboard/ Ava.Dashboard/
COPY appsettings.json ./
RUN dotnet publish Ava.Dashboard/Ava.Dashboard.csproj -c Release -o /app --no-restore

# Run: the ASP.NET Core runtime only, as a non-root user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /app/data /app/logs && chown -R app:app /app/data /app/logs
COPY --from=build --chown=app:app /app ./
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Ava="Data Source=/app/data/ava.db"
EXPOSE 8080
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS http://localhost:8080/health/quick || exit 1
ENTRYPOINT ["dotnet", "Ava.Dashboard.dll"]

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ava.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Operations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AcknowledgeNote",
                table: "Alerts",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Count",
                table: "Alerts",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LastSeenAt",
                table: "Alerts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Resolution",
                table: "Alerts",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolvedAt",
                table: "Alerts",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AlertNotifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AlertId = table.Column<long>(type: "bigint", nullable: false),
                    Event = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    QueuedAt = table.Column<long>(type: "bigint", nullable: true),
                    SentAt = table.Column<long>(type: "bigint", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertNotifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertNotifications_Alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "Alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AlertSilences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Until = table.Column<long>(type: "bigint", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertSilences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditChainCheckpoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    VerifiedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChainCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeatureFlags",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Enabled = table.Column<bool>(type: "bit", nullable: false),
                    ChangedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ChangedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeatureFlags", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "HealthSamples",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CheckName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DurationMs = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    SampledAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthSamples", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MaintenanceWindows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Message = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    StartedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: false),
                    ExpectedEnd = table.Column<long>(type: "bigint", nullable: true),
                    EndedAt = table.Column<long>(type: "bigint", nullable: true),
                    EndedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceWindows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RequestTallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Instance = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    MinuteStart = table.Column<long>(type: "bigint", nullable: false),
                    Requests = table.Column<int>(type: "int", nullable: false),
                    ServerErrors = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestTallies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_ResolvedAt_RaisedAt",
                table: "Alerts",
                columns: new[] { "ResolvedAt", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertNotifications_AlertId",
                table: "AlertNotifications",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_AlertNotifications_QueuedAt",
                table: "AlertNotifications",
                column: "QueuedAt");

            migrationBuilder.CreateIndex(
                name: "IX_AlertSilences_Kind_Subject_Until",
                table: "AlertSilences",
                columns: new[] { "Kind", "Subject", "Until" });

            migrationBuilder.CreateIndex(
                name: "IX_HealthSamples_CheckName_SampledAt",
                table: "HealthSamples",
                columns: new[] { "CheckName", "SampledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HealthSamples_SampledAt",
                table: "HealthSamples",
                column: "SampledAt");

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceWindows_EndedAt",
                table: "MaintenanceWindows",
                column: "EndedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RequestTallies_MinuteStart",
                table: "RequestTallies",
                column: "MinuteStart");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlertNotifications");

            migrationBuilder.DropTable(
                name: "AlertSilences");

            migrationBuilder.DropTable(
                name: "AuditChainCheckpoints");

            migrationBuilder.DropTable(
                name: "FeatureFlags");

            migrationBuilder.DropTable(
                name: "HealthSamples");

            migrationBuilder.DropTable(
                name: "MaintenanceWindows");

            migrationBuilder.DropTable(
                name: "RequestTallies");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_ResolvedAt_RaisedAt",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "AcknowledgeNote",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "Count",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "LastSeenAt",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "Resolution",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "Alerts");
        }
    }
}

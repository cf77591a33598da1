using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ava.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class BriefingsAndCodeReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProgressStage",
                table: "WorkflowRuns",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CodeReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CodestoneId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RequestedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<long>(type: "bigint", nullable: false),
                    BatchId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    JobId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: true),
                    CompletedAt = table.Column<long>(type: "bigint", nullable: true),
                    Error = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    FunctionalityScore = table.Column<double>(type: "float", nullable: true),
                    CodeQualityScore = table.Column<double>(type: "float", nullable: true),
                    SecurityScore = table.Column<double>(type: "float", nullable: true),
                    PerformanceScore = table.Column<double>(type: "float", nullable: true),
                    EclScore = table.Column<double>(type: "float", nullable: true),
                    Assessment = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Strengths = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Weaknesses = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SecurityIssues = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RecommendedChanges = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RecommendedStatus = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    TemplateVersionId = table.Column<long>(type: "bigint", nullable: true),
                    TemplateVersion = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    PromptRunId = table.Column<long>(type: "bigint", nullable: true),
                    Provider = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Model = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    IsOffline = table.Column<bool>(type: "bit", nullable: false),
                    TokensIn = table.Column<int>(type: "int", nullable: false),
                    TokensOut = table.Column<int>(type: "int", nullable: false),
                    DurationMs = table.Column<int>(type: "int", nullable: false),
                    InjectionScore = table.Column<double>(type: "float", nullable: false),
                    FlaggedInputs = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RecommendationId = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodeReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CodeReviews_Codestones_CodestoneId",
                        column: x => x.CodestoneId,
                        principalTable: "Codestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CodeReviews_PromptRuns_PromptRunId",
                        column: x => x.PromptRunId,
                        principalTable: "PromptRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CodeReviews_PromptTemplateVersions_TemplateVersionId",
                        column: x => x.TemplateVersionId,
                        principalTable: "PromptTemplateVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CodeReviews_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MorningBriefings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    Markdown = table.Column<string>(type: "nvarchar(max)", maxLength: 40000, nullable: false),
                    Excerpt = table.Column<string>(type: "nvarchar(280)", maxLength: 280, nullable: false),
                    TemplateVersionId = table.Column<long>(type: "bigint", nullable: false),
                    TemplateVersion = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    PromptRunId = table.Column<long>(type: "bigint", nullable: false),
                    Provider = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Model = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    IsOffline = table.Column<bool>(type: "bit", nullable: false),
                    TokensIn = table.Column<int>(type: "int", nullable: false),
                    TokensOut = table.Column<int>(type: "int", nullable: false),
                    DurationMs = table.Column<int>(type: "int", nullable: false),
                    InjectionScore = table.Column<double>(type: "float", nullable: false),
                    FlaggedInputs = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PeriodStart = table.Column<long>(type: "bigint", nullable: false),
                    PeriodEnd = table.Column<long>(type: "bigint", nullable: false),
                    StreamsInPeriod = table.Column<int>(type: "int", nullable: false),
                    StreamIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    GeneratedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    GeneratedAt = table.Column<long>(type: "bigint", nullable: false),
                    SupersededAt = table.Column<long>(type: "bigint", nullable: true),
                    SupersededBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MorningBriefings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MorningBriefings_PromptRuns_PromptRunId",
                        column: x => x.PromptRunId,
                        principalTable: "PromptRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MorningBriefings_PromptTemplateVersions_TemplateVersionId",
                        column: x => x.TemplateVersionId,
                        principalTable: "PromptTemplateVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BriefingRatings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Stars = table.Column<int>(type: "int", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    BriefingId = table.Column<long>(type: "bigint", nullable: false),
                    TemplateVersionId = table.Column<long>(type: "bigint", nullable: false),
                    RatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BriefingRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BriefingRatings_MorningBriefings_BriefingId",
                        column: x => x.BriefingId,
                        principalTable: "MorningBriefings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BriefingRatings_BriefingId",
                table: "BriefingRatings",
                column: "BriefingId");

            migrationBuilder.CreateIndex(
                name: "IX_BriefingRatings_Date_UserId",
                table: "BriefingRatings",
                columns: new[] { "Date", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BriefingRatings_TemplateVersionId_RatedAt",
                table: "BriefingRatings",
                columns: new[] { "TemplateVersionId", "RatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CodeReviews_BatchId",
                table: "CodeReviews",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_CodeReviews_CodestoneId_RequestedAt",
                table: "CodeReviews",
                columns: new[] { "CodestoneId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CodeReviews_OneWaitingPerCodestone",
                table: "CodeReviews",
                column: "CodestoneId",
                unique: true,
                filter: "[Status] IN ('Queued', 'Running')");

            migrationBuilder.CreateIndex(
                name: "IX_CodeReviews_PromptRunId",
                table: "CodeReviews",
                column: "PromptRunId");

            migrationBuilder.CreateIndex(
                name: "IX_CodeReviews_RecommendationId",
                table: "CodeReviews",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_CodeReviews_Status_CodestoneId",
                table: "CodeReviews",
                columns: new[] { "Status", "CodestoneId" });

            migrationBuilder.CreateIndex(
                name: "IX_CodeReviews_TemplateVersionId_CompletedAt",
                table: "CodeReviews",
                columns: new[] { "TemplateVersionId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MorningBriefings_Date_Revision",
                table: "MorningBriefings",
                columns: new[] { "Date", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MorningBriefings_PromptRunId",
                table: "MorningBriefings",
                column: "PromptRunId");

            migrationBuilder.CreateIndex(
                name: "IX_MorningBriefings_SupersededAt_Date",
                table: "MorningBriefings",
                columns: new[] { "SupersededAt", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_MorningBriefings_TemplateVersionId",
                table: "MorningBriefings",
                column: "TemplateVersionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BriefingRatings");

            migrationBuilder.DropTable(
                name: "CodeReviews");

            migrationBuilder.DropTable(
                name: "MorningBriefings");

            migrationBuilder.DropColumn(
                name: "ProgressStage",
                table: "WorkflowRuns");
        }
    }
}

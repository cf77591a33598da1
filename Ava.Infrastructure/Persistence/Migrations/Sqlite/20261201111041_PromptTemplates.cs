using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ava.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PromptTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PromptTemplates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActiveVersionId = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromptTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PromptActivations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TemplateId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ToVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActivatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ActivatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromptActivations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PromptActivations_PromptTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "PromptTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PromptTemplateVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TemplateId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Major = table.Column<int>(type: "INTEGER", nullable: false),
                    Minor = table.Column<int>(type: "INTEGER", nullable: false),
                    Patch = table.Column<int>(type: "INTEGER", nullable: false),
                    TemplateText = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    SystemContext = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MaxTokens = table.Column<int>(type: "INTEGER", nullable: false),
                    Temperature = table.Column<double>(type: "REAL", nullable: false),
                    ContextTokens = table.Column<int>(type: "INTEGER", nullable: false),
                    OutputFormat = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    MinLength = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxLength = table.Column<int>(type: "INTEGER", nullable: true),
                    RequiredSections = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    JsonSchema = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Changelog = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BasedOn = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromptTemplateVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PromptTemplateVersions_PromptTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "PromptTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PromptRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TemplateId = table.Column<long>(type: "INTEGER", nullable: false),
                    TemplateName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VersionId = table.Column<long>(type: "INTEGER", nullable: false),
                    VersionNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Caller = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TokensIn = table.Column<int>(type: "INTEGER", nullable: false),
                    TokensOut = table.Column<int>(type: "INTEGER", nullable: false),
                    TokensEstimated = table.Column<bool>(type: "INTEGER", nullable: false),
                    DurationMs = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ValidationErrors = table.Column<string>(type: "TEXT", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    InjectionScore = table.Column<double>(type: "REAL", nullable: false),
                    InjectionReasons = table.Column<string>(type: "TEXT", nullable: false),
                    Flagged = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsTest = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContextItemsUsed = table.Column<int>(type: "INTEGER", nullable: false),
                    ContextItemsDropped = table.Column<int>(type: "INTEGER", nullable: false),
                    ContextSources = table.Column<string>(type: "TEXT", nullable: false),
                    Output = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromptRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PromptRuns_PromptTemplateVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "PromptTemplateVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PromptActivations_TemplateId_ActivatedAt",
                table: "PromptActivations",
                columns: new[] { "TemplateId", "ActivatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PromptRuns_TemplateId_StartedAt",
                table: "PromptRuns",
                columns: new[] { "TemplateId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PromptRuns_VersionId_StartedAt",
                table: "PromptRuns",
                columns: new[] { "VersionId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PromptTemplates_Name",
                table: "PromptTemplates",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PromptTemplateVersions_TemplateId_Number",
                table: "PromptTemplateVersions",
                columns: new[] { "TemplateId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PromptActivations");

            migrationBuilder.DropTable(
                name: "PromptRuns");

            migrationBuilder.DropTable(
                name: "PromptTemplateVersions");

            migrationBuilder.DropTable(
                name: "PromptTemplates");
        }
    }
}

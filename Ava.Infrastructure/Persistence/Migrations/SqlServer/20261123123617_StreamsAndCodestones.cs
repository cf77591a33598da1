using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ava.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StreamsAndCodestones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Codestones",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Language = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(max)", maxLength: 200000, nullable: false),
                    GitHubUrl = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ReviewStatus = table.Column<int>(type: "int", nullable: false),
                    EclScore = table.Column<double>(type: "float", nullable: true),
                    Author = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Codestones", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Streams",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Source = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Priority = table.Column<int>(type: "int", nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    EclScore = table.Column<double>(type: "float", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ArchivedAt = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Streams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StreamTags",
                columns: table => new
                {
                    StreamId = table.Column<long>(type: "bigint", nullable: false),
                    Tag = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StreamTags", x => new { x.StreamId, x.Tag });
                    table.ForeignKey(
                        name: "FK_StreamTags_Streams_StreamId",
                        column: x => x.StreamId,
                        principalTable: "Streams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Codestones_CreatedAt",
                table: "Codestones",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Codestones_EclScore",
                table: "Codestones",
                column: "EclScore");

            migrationBuilder.CreateIndex(
                name: "IX_Codestones_Language_UpdatedAt",
                table: "Codestones",
                columns: new[] { "Language", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Codestones_ReviewStatus_UpdatedAt",
                table: "Codestones",
                columns: new[] { "ReviewStatus", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Codestones_Title",
                table: "Codestones",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_Codestones_UpdatedAt",
                table: "Codestones",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Streams_CreatedAt",
                table: "Streams",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Streams_EclScore",
                table: "Streams",
                column: "EclScore");

            migrationBuilder.CreateIndex(
                name: "IX_Streams_Priority_CreatedAt",
                table: "Streams",
                columns: new[] { "Priority", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Streams_Source_CreatedAt",
                table: "Streams",
                columns: new[] { "Source", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Streams_Status_CreatedAt",
                table: "Streams",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Streams_Title",
                table: "Streams",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_Streams_UpdatedAt",
                table: "Streams",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_StreamTags_Tag_StreamId",
                table: "StreamTags",
                columns: new[] { "Tag", "StreamId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Codestones");

            migrationBuilder.DropTable(
                name: "StreamTags");

            migrationBuilder.DropTable(
                name: "Streams");
        }
    }
}

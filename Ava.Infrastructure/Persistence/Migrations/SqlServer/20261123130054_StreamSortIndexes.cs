using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ava.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StreamSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Streams_Priority_EclScore",
                table: "Streams",
                columns: new[] { "Priority", "EclScore" });

            migrationBuilder.CreateIndex(
                name: "IX_Streams_Priority_UpdatedAt",
                table: "Streams",
                columns: new[] { "Priority", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Streams_Source_EclScore",
                table: "Streams",
                columns: new[] { "Source", "EclScore" });

            migrationBuilder.CreateIndex(
                name: "IX_Streams_Source_UpdatedAt",
                table: "Streams",
                columns: new[] { "Source", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Streams_Status_EclScore",
                table: "Streams",
                columns: new[] { "Status", "EclScore" });

            migrationBuilder.CreateIndex(
                name: "IX_Streams_Status_UpdatedAt",
                table: "Streams",
                columns: new[] { "Status", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Streams_Priority_EclScore",
                table: "Streams");

            migrationBuilder.DropIndex(
                name: "IX_Streams_Priority_UpdatedAt",
                table: "Streams");

            migrationBuilder.DropIndex(
                name: "IX_Streams_Source_EclScore",
                table: "Streams");

            migrationBuilder.DropIndex(
                name: "IX_Streams_Source_UpdatedAt",
                table: "Streams");

            migrationBuilder.DropIndex(
                name: "IX_Streams_Status_EclScore",
                table: "Streams");

            migrationBuilder.DropIndex(
                name: "IX_Streams_Status_UpdatedAt",
                table: "Streams");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ava.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OpenChangeTargetTypes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "TargetType",
                table: "Recommendations",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AlterColumn<string>(
                name: "TargetType",
                table: "ChangeSets",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AlterColumn<string>(
                name: "EntityType",
                table: "ChangeRecords",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "int");

            // The enum was stored as its number; a type is now stored as its API name, and existing rows keep their type.
            // The casts keep the statement valid however SQL Server compiles it against the altered column.
            foreach (var (table, column) in TypeColumns)
            {
                migrationBuilder.Sql(NumbersToNames(table, column));
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the enum's numbers before the columns become integers again; only streams and codestones had numbers.
            foreach (var (table, column) in TypeColumns)
            {
                migrationBuilder.Sql(NamesToNumbers(table, column));
            }

            migrationBuilder.AlterColumn<int>(
                name: "TargetType",
                table: "Recommendations",
                type: "int",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(40)",
                oldMaxLength: 40);

            migrationBuilder.AlterColumn<int>(
                name: "TargetType",
                table: "ChangeSets",
                type: "int",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(40)",
                oldMaxLength: 40);

            migrationBuilder.AlterColumn<int>(
                name: "EntityType",
                table: "ChangeRecords",
                type: "int",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(40)",
                oldMaxLength: 40);
        }

        private static readonly (string Table, string Column)[] TypeColumns =
            [("Recommendations", "TargetType"), ("ChangeSets", "TargetType"), ("ChangeRecords", "EntityType")];

        private static string NumbersToNames(string table, string column) =>
            $"UPDATE [{table}] SET [{column}] = CASE CAST([{column}] AS nvarchar(40)) WHEN N'0' THEN N'stream' WHEN N'1' THEN N'codestone' ELSE CAST([{column}] AS nvarchar(40)) END;";

        private static string NamesToNumbers(string table, string column) =>
            $"UPDATE [{table}] SET [{column}] = CASE [{column}] WHEN N'stream' THEN N'0' WHEN N'codestone' THEN N'1' ELSE [{column}] END;";
    }
}

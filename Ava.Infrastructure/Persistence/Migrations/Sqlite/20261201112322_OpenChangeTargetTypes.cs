using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ava.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenChangeTargetTypes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The enum was stored as its number; a type is now stored as its API name, and existing rows keep their type.
            // SQLite keeps text in an INTEGER column as it is, and the rebuild below copies it over, so the names go in first.
            foreach (var (table, column) in TypeColumns)
            {
                migrationBuilder.Sql(NumbersToNames(table, column));
            }

            migrationBuilder.AlterColumn<string>(
                name: "TargetType",
                table: "Recommendations",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<string>(
                name: "TargetType",
                table: "ChangeSets",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<string>(
                name: "EntityType",
                table: "ChangeRecords",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the enum's numbers, which the rebuild below turns into integers; only streams and codestones had numbers.
            foreach (var (table, column) in TypeColumns)
            {
                migrationBuilder.Sql(NamesToNumbers(table, column));
            }

            migrationBuilder.AlterColumn<int>(
                name: "TargetType",
                table: "Recommendations",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 40);

            migrationBuilder.AlterColumn<int>(
                name: "TargetType",
                table: "ChangeSets",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 40);

            migrationBuilder.AlterColumn<int>(
                name: "EntityType",
                table: "ChangeRecords",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 40);
        }

        private static readonly (string Table, string Column)[] TypeColumns =
            [("Recommendations", "TargetType"), ("ChangeSets", "TargetType"), ("ChangeRecords", "EntityType")];

        private static string NumbersToNames(string table, string column) =>
            $"UPDATE \"{table}\" SET \"{column}\" = CASE \"{column}\" WHEN 0 THEN 'stream' WHEN 1 THEN 'codestone' ELSE \"{column}\" END;";

        private static string NamesToNumbers(string table, string column) =>
            $"UPDATE \"{table}\" SET \"{column}\" = CASE \"{column}\" WHEN 'stream' THEN 0 WHEN 'codestone' THEN 1 ELSE \"{column}\" END;";
    }
}

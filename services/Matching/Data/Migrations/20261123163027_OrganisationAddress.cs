using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchmaking.Matching.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "commune",
                table: "organisations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "representative",
                table: "organisations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "street",
                table: "organisations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "commune",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "representative",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "street",
                table: "organisations");
        }
    }
}

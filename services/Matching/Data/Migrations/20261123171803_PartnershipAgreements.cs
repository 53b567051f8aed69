using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matchmaking.Matching.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartnershipAgreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "agreement_changed_at",
                table: "partnerships",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "agreement_id",
                table: "partnerships",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "agreement_number",
                table: "partnerships",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "agreement_status",
                table: "partnerships",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "contracted_at",
                table: "partnerships",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "agreement_id",
                table: "notifications",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "agreement_changed_at",
                table: "partnerships");

            migrationBuilder.DropColumn(
                name: "agreement_id",
                table: "partnerships");

            migrationBuilder.DropColumn(
                name: "agreement_number",
                table: "partnerships");

            migrationBuilder.DropColumn(
                name: "agreement_status",
                table: "partnerships");

            migrationBuilder.DropColumn(
                name: "contracted_at",
                table: "partnerships");

            migrationBuilder.DropColumn(
                name: "agreement_id",
                table: "notifications");
        }
    }
}

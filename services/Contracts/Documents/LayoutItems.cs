using SkiaSharp;

namespace Matchmaking.ContractSigning.Documents;

/// <summary>One line or label of text placed on a page.</summary>
internal readonly record struct PlacedText(string Text, float X, float Baseline, TextStyle Style, SKTextAlign Align);

/// <summary>A horizontal rule placed on a page.</summary>
internal readonly record struct PlacedRule(float X1, float X2, float Y, float Thickness);

internal sealed class LaidOutPage
{
    public List<PlacedText> Texts { get; } = [];
    public List<PlacedRule> Rules { get; } = [];
}

/// <summary>A paragraph, or a list item when it has a label (drawn in the gutter of width <see cref="LabelWidth"/>).</summary>
internal sealed record Piece(string Text, TextStyle Style, float Indent = 0, string? Label = null, float LabelWidth = 0,
    SKTextAlign Align = SKTextAlign.Left, float After = 0);

internal sealed record TableColumn(string HeaderVi, string HeaderEn, float Width, SKTextAlign Align = SKTextAlign.Left);

/// <summary>A table cell: the Vietnamese text and, under it in grey, the English rendering when it differs.</summary>
internal sealed record TableCell(string Vi, string? En = null);

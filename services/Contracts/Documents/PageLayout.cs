using System.Text;
using SkiaSharp;

namespace Matchmaking.ContractSigning.Documents;

/// <summary>
/// Lays text out on A4 pages before anything is drawn, so the page count is known when the footers are written.
/// Greedy word wrap with Skia's measurements; every string is normalised to NFC first, because Skia draws without shaping
/// and decomposed diacritics would collide and extract as NFD. One instance per render (it owns the SKFonts).
/// </summary>
internal sealed class PageLayout(SKTypeface regular, SKTypeface bold) : IDisposable
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    public const float Left = 62f;
    public const float Right = PageWidth - 62f;
    public const float Top = 56f;
    public const float Bottom = PageHeight - 66f;
    public const float ContentWidth = Right - Left;
    private const float CellPadding = 3.5f;
    private const float PairPadding = 1.5f;

    private readonly Dictionary<(bool Bold, float Size), SKFont> fonts = [];
    private readonly List<LaidOutPage> pages = [];
    private LaidOutPage? page;
    private float y;

    public IReadOnlyList<LaidOutPage> Pages => pages;

    public SKFont Font(TextStyle style)
    {
        if (!fonts.TryGetValue((style.Bold, style.Size), out var font))
        {
            font = new SKFont(style.Bold ? bold : regular, style.Size) { Subpixel = true, LinearMetrics = true };
            fonts[(style.Bold, style.Size)] = font;
        }
        return font;
    }

    public float LineHeight(TextStyle style) => Font(style).Spacing;

    public void Space(float points) => y += points;

    /// <summary>Pieces kept on one page when they fit on one, plus <paramref name="keepWithNext"/> points of what follows.</summary>
    public void Block(IEnumerable<Piece> pieces, float keepWithNext = 0)
    {
        var wrapped = pieces.Select(p => (Piece: p, Lines: Wrap(p.Text, p.Style, ContentWidth - p.Indent - p.LabelWidth))).ToList();
        var height = wrapped.Sum(w => w.Lines.Count * LineHeight(w.Piece.Style) + w.Piece.After);
        EnsureRoom(height + keepWithNext);
        foreach (var (piece, lines) in wrapped)
        {
            var lineHeight = LineHeight(piece.Style);
            for (var i = 0; i < lines.Count; i++)
            {
                EnsureRoom(lineHeight);
                var baseline = y - Font(piece.Style).Metrics.Ascent;
                var textLeft = Left + piece.Indent + piece.LabelWidth;
                if (i == 0 && piece.Label is not null)
                    Current.Texts.Add(new PlacedText(Clean(piece.Label), Left + piece.Indent, baseline, piece.Style, SKTextAlign.Left));
                var x = piece.Align switch
                {
                    SKTextAlign.Center => (textLeft + Right) / 2,
                    SKTextAlign.Right => Right,
                    _ => textLeft,
                };
                Current.Texts.Add(new PlacedText(lines[i], x, baseline, piece.Style, piece.Align));
                y += lineHeight;
            }
            y += piece.After;
        }
    }

    public void Block(params Piece[] pieces) => Block(pieces, 0);

    /// <summary>Columns side by side, each a list of pieces, kept together (a signature block).</summary>
    public void Columns(IReadOnlyList<IReadOnlyList<Piece>> columns, float gap)
    {
        var width = (ContentWidth - gap * (columns.Count - 1)) / columns.Count;
        var wrapped = columns.Select(c => c.Select(p => (Piece: p, Lines: Wrap(p.Text, p.Style, width - p.Indent))).ToList()).ToList();
        var height = wrapped.Max(c => c.Sum(w => w.Lines.Count * LineHeight(w.Piece.Style) + w.Piece.After));
        EnsureRoom(height);
        var top = y;
        for (var c = 0; c < wrapped.Count; c++)
        {
            var columnLeft = Left + c * (width + gap);
            var columnY = top;
            foreach (var (piece, lines) in wrapped[c])
            {
                foreach (var line in lines)
                {
                    var x = piece.Align == SKTextAlign.Center ? columnLeft + width / 2 : columnLeft + piece.Indent;
                    Current.Texts.Add(new PlacedText(line, x, columnY - Font(piece.Style).Metrics.Ascent, piece.Style, piece.Align));
                    columnY += LineHeight(piece.Style);
                }
                columnY += piece.After;
            }
        }
        y = top + height;
    }

    /// <summary>
    /// A table; rows never split. A ruled table has a header that repeats on every page it reaches; an unruled one
    /// (no header) lays out label and value pairs.
    /// </summary>
    public void Table(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableCell[]> rows, bool ruled = true, float after = 0)
    {
        var header = columns.Select(c => new TableCell(c.HeaderVi, c.HeaderEn)).ToArray();
        var padding = ruled ? CellPadding : PairPadding;
        var headerHeight = ruled ? RowHeight(columns, header, TextStyle.CellHeader, TextStyle.CellHeaderEn, padding) : 0;
        var firstRowHeight = rows.Count > 0 ? RowHeight(columns, rows[0], TextStyle.Cell, TextStyle.CellEn, padding) : 0;
        EnsureRoom(headerHeight + firstRowHeight);
        if (ruled)
            PlaceHeader();
        foreach (var row in rows)
        {
            var height = RowHeight(columns, row, TextStyle.Cell, TextStyle.CellEn, padding);
            if (y + height > Bottom && y > Top + headerHeight + 1)
            {
                NewPage();
                if (ruled)
                    PlaceHeader();
            }
            PlaceRow(columns, row, TextStyle.Cell, TextStyle.CellEn, height, padding);
            if (ruled)
                Current.Rules.Add(new PlacedRule(Left, Right, y, 0.4f));
        }
        y += after;

        void PlaceHeader()
        {
            Current.Rules.Add(new PlacedRule(Left, Right, y, 0.8f));
            PlaceRow(columns, header, TextStyle.CellHeader, TextStyle.CellHeaderEn, headerHeight, padding);
            Current.Rules.Add(new PlacedRule(Left, Right, y, 0.8f));
        }
    }

    private float RowHeight(IReadOnlyList<TableColumn> columns, TableCell[] row, TextStyle vi, TextStyle en, float padding) =>
        columns.Select((c, i) => CellLines(row[i], c, vi, en).Sum(l => LineHeight(l.Style))).Max() + 2 * padding;

    private void PlaceRow(IReadOnlyList<TableColumn> columns, TableCell[] row, TextStyle vi, TextStyle en, float height, float padding)
    {
        var columnLeft = Left;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var lineTop = y + padding;
            var x = column.Align == SKTextAlign.Right ? columnLeft + column.Width - CellPadding : columnLeft + CellPadding;
            foreach (var (text, style) in CellLines(row[i], column, vi, en))
            {
                Current.Texts.Add(new PlacedText(text, x, lineTop - Font(style).Metrics.Ascent, style, column.Align));
                lineTop += LineHeight(style);
            }
            columnLeft += column.Width;
        }
        y += height;
    }

    private IEnumerable<(string Text, TextStyle Style)> CellLines(TableCell cell, TableColumn column, TextStyle vi, TextStyle en)
    {
        var width = column.Width - 2 * CellPadding;
        var lines = Wrap(cell.Vi, vi, width).Select(l => (l, vi));
        return string.IsNullOrWhiteSpace(cell.En) || Clean(cell.En) == Clean(cell.Vi)
            ? lines
            : lines.Concat(Wrap(cell.En, en, width).Select(l => (l, en)));
    }

    /// <summary>Greedy word wrap; a word wider than the line is broken where Skia says it must be.</summary>
    public IReadOnlyList<string> Wrap(string text, TextStyle style, float width)
    {
        var font = Font(style);
        var lines = new List<string>();
        foreach (var paragraph in Clean(text).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                    lines.Add(line);
                line = word;
                while (line.Length > 1 && font.MeasureText(line) > width)
                {
                    var fits = Math.Clamp(font.BreakText(line, width), 1, line.Length - 1);
                    if (fits > 1 && char.IsHighSurrogate(line[fits - 1]))
                        fits--;
                    lines.Add(line[..fits]);
                    line = line[fits..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>NFC, one kind of line break, no tabs or other control characters, no unpaired surrogates.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                clean.Append(c).Append(text[++i]);
            else if (char.IsSurrogate(c))
                clean.Append('\uFFFD'); // string.Normalize refuses unpaired surrogates
            else if (c == '\r')
            {
                clean.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
            }
            else if (c == '\n')
                clean.Append('\n');
            else if (char.IsControl(c) || (char.IsWhiteSpace(c) && c != '\u00A0'))
                clean.Append(' ');
            else
                clean.Append(c);
        }
        return clean.ToString().Normalize(NormalizationForm.FormC);
    }

    private LaidOutPage Current
    {
        get
        {
            if (page is null)
                NewPage();
            return page!;
        }
    }

    private void EnsureRoom(float height)
    {
        // A block taller than a page starts where it is and breaks line by line instead.
        if (page is null || (y + height > Bottom && y > Top + 0.5f && height <= Bottom - Top))
            NewPage();
    }

    private void NewPage()
    {
        page = new LaidOutPage();
        pages.Add(page);
        y = Top;
    }

    public void Dispose()
    {
        foreach (var font in fonts.Values)
            font.Dispose();
        fonts.Clear();
    }
}

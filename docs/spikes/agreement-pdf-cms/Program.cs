using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SkiaSharp;
using UglyToad.PdfPig;

if (args.Length > 0 && args[0] == "nfd") { NfdCheck.Run("/tmp/spike5/nfd.pdf"); return; }
var outDir = args.Length > 0 ? args[0] : "/tmp/spike5/out";
Directory.CreateDirectory(outDir);
string Sha(byte[] b) => Convert.ToHexString(SHA256.HashData(b))[..16];

var terms = Sample.Terms(sections: 15);
var sw = Stopwatch.StartNew();
var pdf1 = PdfRender.Render(terms);
Console.WriteLine($"render#1 (cold, incl. native load + font load) {sw.ElapsedMilliseconds} ms, {pdf1.Length} bytes");
sw.Restart(); var pdf2 = PdfRender.Render(terms); Console.WriteLine($"render#2 (warm) {sw.ElapsedMilliseconds} ms");
Console.WriteLine($"sha1={Sha(pdf1)} sha2={Sha(pdf2)} identical={pdf1.AsSpan().SequenceEqual(pdf2)}");
var times = new List<long>();
for (int i = 0; i < 10; i++) { sw.Restart(); PdfRender.Render(terms); times.Add(sw.ElapsedMilliseconds); }
Console.WriteLine($"render warm x10: min {times.Min()} avg {times.Average():F1} ms");
File.WriteAllBytes(Path.Combine(outDir, "doc.pdf"), pdf1);
var otherTerms = terms with { PartyB = terms.PartyB + " (sửa)" };
Console.WriteLine($"changed terms -> different hash: {Sha(PdfRender.Render(otherTerms)) != Sha(pdf1)}");

// --- glyph coverage check
using (var tf = SKTypeface.FromFile(Path.Combine(Environment.GetEnvironmentVariable("FONT_DIR") ?? Path.Combine(AppContext.BaseDirectory, "fonts"), "DejaVuSans.ttf")))
using (var f = new SKFont(tf))
{
    const string all = "ĂăÂâĐđÊêÔôƠơƯưÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
    var glyphs = f.GetGlyphs(all);
    Console.WriteLine($"DejaVuSans: {all.Length} Vietnamese precomposed chars, missing glyphs: {glyphs.Count(g => g == 0)}");
}

Console.WriteLine($"SKFontManager.Default families (system fonts visible to Skia): {SKFontManager.Default.FontFamilyCount}");
// --- PdfPig read-back
sw.Restart();
using (var pd = PdfDocument.Open(pdf1))
{
    var text = string.Join("\n", pd.GetPages().Select(p => p.Text));
    Console.WriteLine($"pdfpig: pages={pd.NumberOfPages} read {sw.ElapsedMilliseconds} ms; info.Title={pd.Information.Title} Created={pd.Information.CreationDate}");
    foreach (var probe in new[] { "Hợp đồng hợp tác cung ứng sản phẩm xanh", "Bát Tràng", "Nguyễn Văn Hùng", "đ", "Điều 1", "Cooperation agreement" })
    {
        // page.Text concatenates letters; words are more robust for phrase checks
        var words = string.Join(" ", pd.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Console.WriteLine($"  '{probe}': inText={text.Contains(probe)} inWords={words.Contains(probe)} NFC={words.Normalize(NormalizationForm.FormC).Contains(probe)}");
    }
    var p1 = pd.GetPage(1);
    Console.WriteLine("  page1 first words: " + string.Join(" ", p1.GetWords().Take(14).Select(w => w.Text)));
}

// --- CA + org certs + key at rest
var now = DateTimeOffset.UtcNow;
sw.Restart();
using var caRoot = PlatformCa.CreateRoot("GreenB2B Platform Root CA", now);
Console.WriteLine($"CA create {sw.ElapsedMilliseconds} ms");
File.WriteAllText(Path.Combine(outDir, "ca.pem"), caRoot.ExportCertificatePem());
var master = RandomNumberGenerator.GetBytes(32); var masterB64 = Convert.ToBase64String(master); File.WriteAllText(Path.Combine(outDir, "master.b64"), masterB64);
foreach (var (name, eku) in new[] { ("noeku", (string?)null), ("docsign", "1.3.6.1.5.5.7.3.36") })
{
    using var orgKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    var serial = RandomNumberGenerator.GetBytes(16); serial[0] &= 0x7F;
    using var orgCert = PlatformCa.IssueOrgCert(caRoot, "Hợp tác xã Gốm Bát Tràng", "org-42", orgKey, now, eku, serial);
    sw.Restart(); var pem = KeyVault.Protect(orgKey, masterB64); var tProt = sw.ElapsedMilliseconds;
    File.WriteAllText(Path.Combine(outDir, $"org-{name}.key.pem"), pem);
    File.WriteAllText(Path.Combine(outDir, $"org-{name}.crt.pem"), orgCert.ExportCertificatePem());
    sw.Restart(); using var k2 = KeyVault.Unprotect(pem, masterB64); var tUnprot = sw.ElapsedMilliseconds;
    using var signing = orgCert.CopyWithPrivateKey(k2); // throws if key doesn't match cert
    Console.WriteLine($"[{name}] key protect {tProt} ms, unprotect {tUnprot} ms");

    sw.Restart(); var p7s = CmsSigner2.SignDetached(pdf1, signing, DateTime.UtcNow); var tSign = sw.ElapsedMilliseconds;
    sw.Restart(); p7s = CmsSigner2.SignDetached(pdf1, signing, DateTime.UtcNow); var tSign2 = sw.ElapsedMilliseconds;
    File.WriteAllBytes(Path.Combine(outDir, $"sig-{name}.p7s"), p7s);
    sw.Restart(); var r = CmsSigner2.Verify(pdf1, p7s, caRoot); var tVer = sw.ElapsedMilliseconds;
    sw.Restart(); r = CmsSigner2.Verify(pdf1, p7s, caRoot); var tVer2 = sw.ElapsedMilliseconds;
    Console.WriteLine($"[{name}] sign {tSign}/{tSign2} ms (cold/warm), p7s {p7s.Length} B; verify {tVer}/{tVer2} ms -> ok={r.Ok} err={r.Error} signer={r.Signer?.Subject} st={r.SigningTime:o}");
    var flipped = (byte[])pdf1.Clone(); flipped[flipped.Length / 2] ^= 0x01;
    File.WriteAllBytes(Path.Combine(outDir, "doc-flipped.pdf"), flipped);
    var rf = CmsSigner2.Verify(flipped, p7s, caRoot);
    Console.WriteLine($"[{name}] flipped byte -> ok={rf.Ok} err={rf.Error}");
    // wrong CA
    using var otherCa = PlatformCa.CreateRoot("Evil CA", now);
    var ro = CmsSigner2.Verify(pdf1, p7s, otherCa);
    Console.WriteLine($"[{name}] other CA -> ok={ro.Ok} err={ro.Error}");
    // signing time outside cert validity
    var pLate = CmsSigner2.SignDetached(pdf1, signing, DateTime.UtcNow.AddYears(3));
    var rl = CmsSigner2.Verify(pdf1, pLate, caRoot);
    Console.WriteLine($"[{name}] signingTime after notAfter -> ok={rl.Ok} err={rl.Error}");
}

// --- RSA 3072 timing comparison
using (var rsa = RSA.Create(3072))
{
    sw.Restart();
    var req = new CertificateRequest("CN=rsa-org", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
    using var c = req.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
    var tGen = sw.ElapsedMilliseconds;
    sw.Restart(); var s = CmsSigner2.SignDetached(pdf1, c, DateTime.UtcNow); var t1 = sw.ElapsedMilliseconds;
    sw.Restart(); CmsSigner2.Verify(pdf1, s, c); var t2 = sw.ElapsedMilliseconds;
    Console.WriteLine($"RSA-3072: keygen+selfsign {tGen} ms, sign {t1} ms, verify {t2} ms, p7s {s.Length} B");
}

static class Sample
{
    public static AgreementTerms Terms(int sections)
    {
        var list = new List<(string, string)>();
        for (int i = 1; i <= sections; i++)
            list.Add(($"Điều {i}. Phạm vi hợp tác / Article {i}. Scope of cooperation",
                "Bên A cam kết cung ứng sản phẩm gốm sứ thân thiện với môi trường từ làng nghề Bát Tràng, đạt chứng nhận xanh, " +
                "với số lượng và chất lượng như đã thỏa thuận. Giá trị hợp đồng: 125.000.000 đ (một trăm hai mươi lăm triệu đồng). " +
                "Party A undertakes to supply environmentally friendly ceramic products from Bát Tràng village meeting the agreed " +
                "green certification, quantities and quality. Người đại diện: ông Nguyễn Văn Hùng, Giám đốc. Ưu tiên vận chuyển bằng " +
                "phương tiện phát thải thấp; bao bì tái chế ≥ 80%."));
        return new("Hợp đồng hợp tác cung ứng sản phẩm xanh / Cooperation agreement for green product supply",
            "Hợp tác xã Gốm sứ Bát Tràng (MST 0101234567)", "Công ty TNHH Xanh Việt — Green Viet Co., Ltd.", list);
    }
}

using Matchmaking.ContractSigning.Model;

namespace Matchmaking.ContractSigning.Documents;

/// <summary>What one rendered version shows besides its terms.</summary>
public sealed record AgreementDocument(string AgreementNumber, int Version, DateTimeOffset VersionCreatedAt, AgreementTerms Terms);

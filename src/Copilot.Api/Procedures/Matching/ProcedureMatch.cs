namespace Copilot.Api.Procedures.Matching;

/// <summary>How a procedure was found for a ticket: the only one written for the ticket's intent, or the closest by its text.</summary>
public enum MatchedBy { Intent, Similarity }

/// <summary>
/// The procedure that applies to a ticket and how close it is: <see cref="Score"/> blends the thread's similarity to the
/// procedure's title and steps by meaning (the tenant's embedding model) and by words (0..1; 1 when the intent alone decided).
/// </summary>
public sealed record ProcedureMatch(Procedure Procedure, double Score, MatchedBy By);

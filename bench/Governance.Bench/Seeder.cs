using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Governance.Accounts.Contracts;
using Governance.Platform.Audit;
using Governance.Platform.Outbox;
using Governance.Platform.Workflows;
using Governance.Policies.Contracts;
using Governance.SharedKernel;
using Microsoft.AspNetCore.DataProtection;

namespace Governance.Bench;

/// <summary>What the seed made: rows per table, a sample of each kind of case to read, and the appeals waiting at intake.</summary>
internal sealed record SeedResult(TimeSpan Took, IReadOnlyDictionary<string, long> Rows, IReadOnlyList<string> SampleComplaints,
    IReadOnlyList<string> SampleAppeals, IReadOnlyList<string> IntakeAppeals, int OpenCases);

/// <summary>
/// Seeds a large installation straight into the migrated schema, with the host stopped: cases with their
/// workflow (instances, bookmarks, journal), timelines, reviews, decisions and reports, the e-mails they sent,
/// the moderation log they came from, and both modules' audit trails with valid hash chains.
/// </summary>
internal sealed class Seeder(TableWriter db, IDataProtector trackingTokens, AuditKey auditKey, DateTimeOffset now)
{
    private const int ChunkCases = 5_000;
    private const string ModeratorRole = StaffRoles.Moderator;

    private static readonly Guid DemoMunicipalityId = Guid.Parse("0d3f5a6e-2f4b-4c57-9a1e-6b2d8c4e1a01");

    private static readonly string[] Cases = ["Id", "MunicipalityId", "Reference", "Kind", "Status", "SubmittedAt", "TrackingTokenHash",
        "ProtectedTrackingToken", "SubmissionId", "ContactName", "ContactEmail", "AssignedToUserId", "AssignedToName"];
    private static readonly string[] Appeals = ["CaseId", "AccountId", "AccountDescription", "PlatformHandle", "Subject", "HappenedOn",
        "ContentPosted", "ReasonGiven", "Grounds", "ConsentedAt", "OwnerKind", "OwnerUserId", "OwnerName", "ActionId", "ActedByUserId",
        "RoutedAt", "EscalatedTo", "EscalatedAt", "EscalationReason", "EscalateBy"];
    private static readonly string[] Complaints = ["CaseId", "MemberUserId", "MemberName", "PostLinks", "Articles", "WhatHappened",
        "Phone", "PostalAddress", "DeclarationName", "DeclaredAt", "AllegesDiscrimination", "HeldUntil", "MemberNotifiedAt",
        "ComplainantKind", "ConductOn", "AwareOn", "FiledLate", "DeclarationKind", "NameWithheldReason", "Disposition"];
    private static readonly string[] Timeline = ["Id", "CaseId", "MunicipalityId", "At", "Visibility", "Text", "By"];
    private static readonly string[] Reviews = ["CaseId", "Assessments", "Pattern", "Finding", "AdverseEffectFound", "ReviewedBy", "ReviewedAt"];
    private static readonly string[] Decisions = ["CaseId", "Outcome", "Reasons", "RuleRelied", "DecidedBy", "DecidedAt", "GroundAnswers",
        "RestoredAt", "ReviewOutcome", "ReviewReasons", "ReviewedBy", "ReviewedAt"];
    private static readonly string[] Reports = ["CaseId", "DraftText", "DraftSentAt", "MemberComment", "FinalText", "RecommendedSanction",
        "FinalIssuedAt", "IssuedBy", "CouncilDecision", "PaySuspensionDays", "RemedialMeasures", "CouncilDecidedOn", "PublishedAt",
        "MemberResponse", "SharedResponse", "BreachFound", "MemberNamed", "Reprimand", "ResolutionNumber", "RedactionMarks", "PublishedHash",
        "PublishedBy"];
    private static readonly string[] Instances = ["Id", "MunicipalityId", "DefinitionName", "DefinitionVersion", "CorrelationId", "Stage",
        "Status", "CreatedAt", "UpdatedAt", "Revision", "JournalLength"];
    private static readonly string[] Bookmarks = ["Id", "InstanceId", "MunicipalityId", "Kind", "Stage", "Name", "AssigneeRole", "DueAt",
        "DueExplanation", "CreatedAt", "ConsumedAt", "ConsumedBy"];
    private static readonly string[] Journal = ["Id", "InstanceId", "MunicipalityId", "Number", "At", "Event", "FromStage", "ToStage",
        "Action", "Actor", "Details"];
    private static readonly string[] Audit = ["Id", "Sequence", "At", "ActorId", "Actor", "Address", "Action", "RecordType", "RecordId",
        "MunicipalityId", "Details", "PreviousHash", "Hash"];
    private static readonly string[] Outbox = ["Id", "Kind", "Type", "Payload", "MunicipalityId", "CreatedAt", "AvailableAt", "Attempts",
        "ProcessedAt"];
    private static readonly string[] SocialAccounts = ["Id", "MunicipalityId", "Platform", "Handle", "ProfileUrl", "Owner", "OwnerName",
        "OwnerUserId", "Purpose", "ResponsibleName", "ResponsibleEmail", "Classification", "CreatedAt"];
    private static readonly string[] Classifications = ["Id", "AccountId", "MunicipalityId", "Since", "RecordedBy", "FactsJson",
        "Classification", "Fired", "Explanation"];
    private static readonly string[] Moderation = ["Id", "MunicipalityId", "AccountId", "Kind", "TargetHandle", "TargetProfileUrl",
        "PostUrl", "ContentAsPosted", "OccurredAt", "RecordedAt", "ActorUserId", "ActorName", "RuleId", "RuleCode", "RuleTitle",
        "CredibleThreat", "Justification", "RiskFlags", "Notes", "RequestId"];
    private static readonly string[] Blocks = ["Id", "MunicipalityId", "AccountId", "TargetHandle", "BlockActionId", "StartedAt",
        "EndsOn", "ReviewOn", "ReminderSentAt", "EndedAt"];

    /// <summary>Tables in foreign-key order.</summary>
    private static readonly string[] ParentsFirst =
    [
        "accounts_social_accounts", "accounts_classification_history", "accounts_moderation_actions", "accounts_blocks",
        "accounts_audit_entries", "complaints_cases", "complaints_appeals", "complaints_code_of_conduct", "complaints_timeline",
        "complaints_human_rights_reviews", "complaints_appeal_decisions", "complaints_reports", "complaints_workflow_instances",
        "complaints_workflow_bookmarks", "complaints_workflow_journal", "complaints_audit_entries", "complaints_outbox_messages",
    ];

    private readonly Random _random = new(42);
    private readonly Dictionary<string, long> _rows = [];
    private readonly Dictionary<string, List<object?[]>> _pending = [];
    private readonly Dictionary<string, string[]> _columns = [];
    private readonly List<AuditEntry> _complaintsAudit = [];
    private readonly List<AuditEntry> _accountsAudit = [];
    private (long Sequence, string Hash) _complaintsChain;
    private (long Sequence, string Hash) _accountsChain;

    private List<Place> _places = [];
    private Dictionary<string, Person> _staff = [];
    private double _totalWeight;

    /// <summary>A municipality with what the seed needs of it.</summary>
    private sealed record Place(Guid Id, string Name, string Slug, double Weight, List<Account> Accounts, List<Person> Members,
        List<(Guid Id, string Code, string Title)> Rules, int HandlePool, SeedCalendar Calendar)
    {
        /// <summary>Accounts whose owner the registry records (an appeal can be sent to them), and the corporate ones among them.</summary>
        public List<Account> Owned { get; } = [];

        public List<Account> Corporate { get; } = [];
    }

    /// <summary>
    /// An account in the registry and who runs it, as intake's routing reads it (AppealRouting.Route): a member (or their
    /// campaign account) decides their own appeals, the social media team a corporate account's; unknown: cannot be routed.
    /// </summary>
    private sealed record Account(Guid Id, string Handle, string Platform, int OwnerKind, Person? Owner, string OwnerName, string ResponsibleEmail)
    {
        public const int UnknownKind = 0;
        public const int CorporateKind = 1;
        public const int MemberKind = 2;
    }

    private sealed record Person(Guid Id, string Email, string Name);

    /// <summary>Before the first start: extra municipalities, announced the way the host announces one, so the other modules set them up.</summary>
    public static async Task<IReadOnlyList<Guid>> AddMunicipalitiesAsync(TableWriter db, int count, DateTimeOffset now)
    {
        var ids = new List<Guid>();
        var municipalities = new List<object?[]>();
        var outbox = new List<object?[]>();
        var type = $"{typeof(MunicipalityCreated).FullName}, {typeof(MunicipalityCreated).Assembly.GetName().Name}";
        for (var i = 1; i < count; i++)
        {
            var id = Guid.NewGuid();
            var name = $"Township of Bench {i:00}";
            ids.Add(id);
            municipalities.Add([id, name, $"bench-{i:00}", "America/Toronto", now.AddYears(-4)]);
            outbox.Add([Guid.CreateVersion7(now), OutboxKind.IntegrationEvent, type,
                JsonSerializer.Serialize(new MunicipalityCreated(id, name), JsonSerializerOptions.Web), id, now, now, 0, null]);
        }

        await db.BeginAsync();
        await db.WriteAsync("accounts_municipalities", ["Id", "Name", "Slug", "TimeZone", "CreatedAt"], municipalities);
        await db.WriteAsync("accounts_outbox_messages", Outbox, outbox);
        await db.CommitAsync();
        return ids;
    }

    /// <summary>The demo's Integrity Commissioner, investigator, administrator and social media staff serve every municipality.</summary>
    public static async Task AssignStaffAsync(TableWriter db, IReadOnlyList<Guid> municipalities)
    {
        var users = await db.QueryAsync("""SELECT "Id" FROM accounts_users WHERE "Email" IN ('admin@demo.test', 'ic@demo.test', 'investigator@demo.test', 'manager@demo.test', 'moderator@demo.test')""");
        var rows = users.SelectMany(u => municipalities.Select(m => new object?[] { TableWriter.ReadGuid(u[0]), m })).ToList();
        await db.BeginAsync();
        await db.WriteAsync("accounts_staff_assignments", ["UserId", "MunicipalityId"], rows);
        await db.CommitAsync();
    }

    /// <summary>Integration events and e-mails not yet handled, across the modules' outboxes.</summary>
    public static async Task<long> PendingOutboxAsync(TableWriter db)
    {
        long total = 0;
        foreach (var module in new[] { "accounts", "policies", "complaints", "elections" })
        {
            var rows = await db.QueryAsync($"""SELECT COUNT(*) FROM {module}_outbox_messages WHERE "ProcessedAt" IS NULL AND "DeadLetteredAt" IS NULL""");
            total += Convert.ToInt64(rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
        }

        return total;
    }

    public async Task<SeedResult> SeedAsync(int caseCount, Action<string> progress)
    {
        var watch = Stopwatch.StartNew();
        await LoadAsync(caseCount);
        await SeedAccountsAsync();
        await FlushAsync();

        var references = new Dictionary<(string Prefix, int Year), int>();
        var complaints = new List<string>();
        var appeals = new List<string>();
        var seen = new[] { 0, 0 };
        var intake = new List<string>();
        var open = 0;
        var start = now.AddYears(-3);
        var span = (now.AddHours(-1) - start).TotalSeconds;
        for (var first = 0; first < caseCount; first += ChunkCases)
        {
            var last = Math.Min(caseCount, first + ChunkCases);
            for (var i = first; i < last; i++)
            {
                var submitted = Second(start.AddSeconds(span * (i + _random.NextDouble()) / caseCount));
                var story = SeedCase(submitted, references);
                open += story.Open ? 1 : 0;
                if (story.IntakeAppeal)
                {
                    intake.Add(story.Reference);
                }

                // Reservoir samples, one per kind: every case equally likely to be read in the benchmark.
                var (sample, kind) = story.IsAppeal ? (appeals, 0) : (complaints, 1);
                seen[kind]++;
                if (sample.Count < 5_000)
                {
                    sample.Add(story.Reference);
                }
                else if (_random.Next(seen[kind]) < 5_000)
                {
                    sample[_random.Next(5_000)] = story.Reference;
                }
            }

            // Moderation that never led to an appeal: most of it.
            var windowStart = start.AddSeconds(span * first / caseCount);
            var window = span * (last - first) / caseCount;
            for (var k = 0; k < (last - first) * 8 / 10; k++)
            {
                var place = PickPlace();
                var account = place.Accounts[_random.Next(place.Accounts.Count)];
                AddModeration(place, account, Handle(place), Second(windowStart.AddSeconds(window * _random.NextDouble())), null);
            }

            await FlushAsync();
            progress($"seeded {last:N0} of {caseCount:N0} cases ({watch.Elapsed.TotalSeconds:0.0} s)");
        }

        await db.BeginAsync();
        foreach (var ((prefix, year), lastNumber) in references)
        {
            await db.ExecuteAsync("""INSERT INTO complaints_reference_counters ("Prefix", "Year", "Last") VALUES (@p0, @p1, @p2)""",
                prefix, year, lastNumber);
        }

        await db.CommitAsync();
        return new SeedResult(watch.Elapsed, _rows, complaints, appeals, intake, open);
    }

    /// <summary>The municipalities, staff, members and rules the setup run left, and where each audit chain ends.</summary>
    private async Task LoadAsync(int caseCount)
    {
        var users = await db.QueryAsync("""SELECT "Id", "Email", "DisplayName" FROM accounts_users""");
        var people = users.Select(u => new Person(TableWriter.ReadGuid(u[0]), (string)u[1]!, (string)u[2]!)).ToList();
        _staff = new Dictionary<string, Person>
        {
            [StaffRoles.IntegrityCommissioner] = people.Single(p => p.Email == "ic@demo.test"),
            [StaffRoles.Investigator] = people.Single(p => p.Email == "investigator@demo.test"),
            [StaffRoles.SocialMediaManager] = people.Single(p => p.Email == "manager@demo.test"),
            [StaffRoles.Clerk] = people.Single(p => p.Email == "clerk@demo.test"),
            [ModeratorRole] = people.Single(p => p.Email == "moderator@demo.test"),
        };
        var demoMembers = (await db.QueryAsync("""
            SELECT u."Id" FROM accounts_users u
            JOIN accounts_user_roles ur ON ur."UserId" = u."Id" JOIN accounts_roles r ON r."Id" = ur."RoleId"
            WHERE r."Name" = 'Member'
            """)).Select(r => TableWriter.ReadGuid(r[0])).ToHashSet();
        var rules = (await db.QueryAsync("""SELECT "Id", "MunicipalityId", "Code", "Title" FROM policies_prohibited_content_rules"""))
            .Select(r => (Id: TableWriter.ReadGuid(r[0]), Municipality: TableWriter.ReadGuid(r[1]), Code: (string)r[2]!, Title: (string)r[3]!))
            .ToList();
        // The accounts the setup run registered (the demo member's, the candidates'), with who runs each.
        var existing = (await db.QueryAsync("""
                SELECT "Id", "MunicipalityId", "Handle", "Platform", "Owner", "OwnerUserId", "OwnerName", "ResponsibleEmail"
                FROM accounts_social_accounts
                """))
            .Select(r =>
            {
                var owner = Convert.ToInt32(r[4], System.Globalization.CultureInfo.InvariantCulture);
                var ownerUserId = r[5] is null ? (Guid?)null : TableWriter.ReadGuid(r[5]);
                var ownerName = (string?)r[6] ?? "";
                // AccountOwner: Municipality 1, Member 2, StaffUnit 3, Campaign 4.
                var kind = owner is 2 or 4 && ownerUserId is not null ? Account.MemberKind : owner is 1 or 3 ? Account.CorporateKind : Account.UnknownKind;
                var person = kind == Account.MemberKind
                    ? people.FirstOrDefault(p => p.Id == ownerUserId) ?? new Person(ownerUserId!.Value, (string)r[7]!, ownerName)
                    : null;
                return (Municipality: TableWriter.ReadGuid(r[1]), Account: new Account(TableWriter.ReadGuid(r[0]), (string)r[2]!,
                    PlatformName(Convert.ToInt32(r[3], System.Globalization.CultureInfo.InvariantCulture)), kind, person, ownerName, (string)r[7]!));
            })
            .ToList();
        var municipalities = (await db.QueryAsync("""SELECT "Id", "Name", "Slug", "TimeZone" FROM accounts_municipalities"""))
            .Select(r => (Id: TableWriter.ReadGuid(r[0]), Name: (string)r[1]!, Slug: (string)r[2]!, Zone: (string)r[3]!))
            .OrderBy(m => m.Id == DemoMunicipalityId ? "" : m.Slug, StringComparer.Ordinal)
            .ToList();
        // Each municipality's holidays, as the host's business calendar skips them (R14).
        var holidays = (await db.QueryAsync("""SELECT "MunicipalityId", "Date", "Name" FROM policies_holidays"""))
            .GroupBy(r => TableWriter.ReadGuid(r[0]))
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<DateOnly, string>)g.ToDictionary(r => ReadDate(r[1]), r => (string)r[2]!));

        // A few large municipalities and many small ones; Demo Township is the largest.
        _places = municipalities.Select((m, i) => new Place(m.Id, m.Name, m.Slug, 1 / Math.Pow(i + 1, 0.7),
                existing.Where(e => e.Municipality == m.Id).Select(e => e.Account).ToList(),
                m.Id == DemoMunicipalityId
                    ? people.Where(p => demoMembers.Contains(p.Id)).ToList()
                    : Enumerable.Range(1, 8).Select(k => new Person(Guid.NewGuid(), $"member{k}@{m.Slug}.test", $"Councillor {Surnames[k % Surnames.Length]} {m.Slug[^2..]}")).ToList(),
                rules.Where(r => r.Municipality == m.Id && r.Code != RuleCodes.CandidatePosting).Select(r => (r.Id, r.Code, r.Title)).ToList(),
                Math.Max(50, caseCount / municipalities.Count / 2),
                new SeedCalendar(TimeZoneInfo.FindSystemTimeZoneById(m.Zone), holidays.GetValueOrDefault(m.Id) ?? new Dictionary<DateOnly, string>())))
            .ToList();
        _totalWeight = _places.Sum(p => p.Weight);
        if (_places.Any(p => p.Rules.Count == 0))
        {
            throw new InvalidOperationException("A municipality has no rule catalogue: the setup run did not dispatch MunicipalityCreated.");
        }

        _complaintsChain = await ChainEndAsync("complaints");
        _accountsChain = await ChainEndAsync("accounts");
    }

    private async Task<(long, string)> ChainEndAsync(string module)
    {
        var last = await db.QueryAsync($"""SELECT "Sequence", "Hash" FROM {module}_audit_entries ORDER BY "Sequence" DESC LIMIT 1""");
        return last.Count == 0
            ? (0, AuditEntry.GenesisHash)
            : (Convert.ToInt64(last[0][0], System.Globalization.CultureInfo.InvariantCulture), (string)last[0][1]!);
    }

    /// <summary>Each municipality's own accounts (and, outside the demo, its members' accounts), with their R1 classification.</summary>
    private Task SeedAccountsAsync()
    {
        var registered = now.AddYears(-4);
        foreach (var place in _places)
        {
            var name = new string(place.Name.Where(char.IsLetterOrDigit).ToArray());
            var owned = new List<(int Platform, string Handle, int Owner, Person? Member)>
            {
                (1, "@" + name, 1, null), (2, "@" + name, 1, null), (3, "@" + name.ToLowerInvariant(), 1, null), (5, "@" + name + "TV", 1, null),
            };
            if (place.Id != DemoMunicipalityId)
            {
                owned.AddRange(place.Members.Select(m => (1, "@Cllr" + new string(m.Name.Where(char.IsLetterOrDigit).ToArray()), 2, (Person?)m)));
            }

            foreach (var (platform, handle, owner, member) in owned)
            {
                var id = Guid.NewGuid();
                var classification = owner == 1 || _random.Next(3) > 0 ? 1 : 2;
                Add("accounts_social_accounts", SocialAccounts, [id, place.Id, platform, handle, $"https://social.example/{handle.TrimStart('@')}",
                    owner, member?.Name ?? place.Name, member?.Id, owner == 1 ? "News and service updates from the municipality." : "Ward news.",
                    member?.Name ?? "Communications Office", member?.Email ?? $"communications@{place.Slug}.test", classification, registered]);
                Add("accounts_classification_history", Classifications, [Guid.NewGuid(), id, place.Id, registered, "manager@demo.test", "{}",
                    classification, owner == 1 ? "municipality_owner" : "official_title", owner == 1
                        ? "Owned by the municipality: official."
                        : "The member's title is in the profile: official (R1)."]);
                _accountsAudit.Add(AuditOf(registered, _staff[StaffRoles.SocialMediaManager], "account.registered", "SocialAccount",
                    id.ToString(), place.Id, $"{PlatformName(platform)} {handle}"));
                place.Accounts.Add(new Account(id, handle, PlatformName(platform), owner == 1 ? Account.CorporateKind : Account.MemberKind,
                    member, member?.Name ?? place.Name, member?.Email ?? $"communications@{place.Slug}.test"));
            }

            place.Owned.AddRange(place.Accounts.Where(a => a.OwnerKind != Account.UnknownKind));
            place.Corporate.AddRange(place.Accounts.Where(a => a.OwnerKind == Account.CorporateKind));

            if (place.Id == DemoMunicipalityId)
            {
                // Candidate posts on the township's own accounts in the 2026 nomination period, for the clerk's dashboard.
                for (var k = 0; k < 25; k++)
                {
                    var account = place.Accounts[_random.Next(4)];
                    AddModeration(place, account, Handle(place), Second(new DateTimeOffset(2026, 5, 4, 14, 0, 0, TimeSpan.Zero)
                        .AddDays(_random.Next(100))), RuleCodes.CandidatePosting);
                }
            }
        }

        return Task.CompletedTask;
    }

    private sealed record Story(string Reference, bool IsAppeal, bool Open, bool IntakeAppeal);

    /// <summary>A stay in one stage: when it began and ended (null: the case is there now), the step that ended it, and the stage's action-timer deadline.</summary>
    private sealed record Visit(string Stage, DateTimeOffset In, DateTimeOffset? Out, Step? Step, DateTimeOffset? Deadline);

    /// <summary>One case, replayed as the host would have recorded it from filing to where it stands now.</summary>
    private Story SeedCase(DateTimeOffset submitted, Dictionary<(string, int), int> references)
    {
        var place = PickPlace();
        var calendar = place.Calendar;
        var isAppeal = _random.NextDouble() < 0.65;
        var stages = isAppeal ? CaseStories.AppealStages : CaseStories.ComplaintStages;
        var path = CaseStories.Pick(_random, isAppeal ? CaseStories.AppealPaths : CaseStories.ComplaintPaths);
        var prefix = isAppeal ? "APL" : "COC";
        var number = references[(prefix, submitted.Year)] = references.GetValueOrDefault((prefix, submitted.Year)) + 1;
        var reference = $"{prefix}-{submitted.Year}-{number:D6}";
        var caseId = Guid.NewGuid();
        var instanceId = Guid.CreateVersion7(submitted);
        var resident = $"Resident {number}";
        var email = $"resident{number}.{submitted.Year}@example.ca";
        var member = place.Members[_random.Next(place.Members.Count)];

        // The account appealed. An appeal sent to its owner is about an account the registry knows the owner of (a
        // corporate one when the resident goes on to the municipality's reviewer); others may only describe it.
        Account? account = null;
        if (isAppeal)
        {
            var routed = CaseStories.Routed(path);
            var accounts = CaseStories.ReviewerPath(path) ? place.Corporate : routed ? place.Owned : place.Accounts;
            account = routed || _random.Next(100) < 85 ? accounts[_random.Next(accounts.Count)] : null;
        }

        // R9: whoever runs the account decides: the member for their own, a social media manager for a corporate one.
        var owner = account?.OwnerKind == Account.MemberKind ? account.Owner! : _staff[StaffRoles.SocialMediaManager];

        // Walk the path until it ends or reaches the present. A step a timer takes happens at its deadline; anyone else
        // acts before it. A few cases stall where nobody has acted yet (never where a timer would move them on).
        var stallAfter = _random.NextDouble() < 0.04 ? _random.Next(path.Length) : path.Length;
        var visits = new List<Visit>();
        var stage = "intake";
        var at = submitted;
        DateOnly? escalateBy = null;
        for (var k = 0; k < path.Length; k++)
        {
            var step = path[k];
            var info = stages[stage];
            if (k >= stallAfter && info.ActionTimer is null)
            {
                break;
            }

            var deadline = ActionDeadline(calendar, info, at, escalateBy);
            DateTimeOffset leave;
            if (step.ByTimer)
            {
                leave = deadline!.Value;
            }
            else
            {
                leave = Second(at.AddDays(0.2 + (_random.NextDouble() * (info.DueDays ?? 20) * 1.5)));
                if (deadline is { } d && leave >= d)
                {
                    leave = Second(at.AddSeconds((d - at).TotalSeconds * (0.2 + (0.7 * _random.NextDouble()))));
                }
            }

            if (leave > now)
            {
                break;
            }

            visits.Add(new Visit(stage, at, leave, step, deadline));
            if (step.Action == "uphold")
            {
                escalateBy = calendar.DayOf(leave).AddDays(CaseStories.EscalationDays);
            }

            at = leave;
            stage = step.Target;
        }

        var closed = stage == "closed";
        if (!closed)
        {
            visits.Add(new Visit(stage, at, null, null, ActionDeadline(calendar, stages[stage], at, escalateBy)));
        }

        // The case team: the social media team on an appeal (R9), the Integrity Commissioner's on a complaint.
        var team = isAppeal
            ? _staff[_random.Next(3) == 0 ? ModeratorRole : StaffRoles.SocialMediaManager]
            : _staff[_random.Next(2) == 0 ? StaffRoles.IntegrityCommissioner : StaffRoles.Investigator];
        var assigned = visits[0].Out is not null ? team : null;
        var journal = new List<(DateTimeOffset At, int Order, string Event, string? From, string? To, string? Action, string Actor)>();
        journal.Add((submitted, 0, "Started", null, "intake", null, "resident"));

        Add("complaints_timeline", Timeline, [Guid.NewGuid(), caseId, place.Id, submitted, 1,
            isAppeal ? "We received your appeal." : "We received your complaint.", "resident"]);
        _complaintsAudit.Add(AuditOf(submitted, null, isAppeal ? "appeal.filed" : "complaint.filed", "Case", reference, place.Id, null));
        Mail(place.Id, submitted, email, $"{(isAppeal ? "Your appeal" : "Your complaint")} {reference}");
        if (assigned is not null)
        {
            var when = visits[0].In.AddSeconds((visits[0].Out!.Value - visits[0].In).TotalSeconds / 2);
            Add("complaints_timeline", Timeline, [Guid.NewGuid(), caseId, place.Id, Second(when), 3, $"{assigned.Email} took the case.", assigned.Email]);
            _complaintsAudit.Add(AuditOf(Second(when), assigned, "case.assigned", "Case", reference, place.Id, assigned.Email));
        }

        var rule = place.Rules[_random.Next(place.Rules.Count)];
        var revision = 1;
        string? outcome = null, disposition = null;
        Person? decider = null;
        DateTimeOffset? routedAt = null, decidedAt = null, restored = null, escalated = null, reviewed = null;
        DateTimeOffset? investigated = null, responded = null, shared = null, draftSent = null, commented = null, prepared = null,
            finalIssued = null, councilDecided = null;
        foreach (var (name, entered, left, step, deadline) in visits)
        {
            var info = stages[name];
            var end = left ?? now;
            var byTimer = step?.ByTimer == true;
            // Only open tasks and timers keep how their due date was counted: nothing reads a consumed one's.
            List<string>? Explained() => left is null ? [] : null;

            var taskSteps = Explained();
            DateTimeOffset? taskDue = info.DueDays is { } dueDays ? calendar.AddBusinessDays(entered, dueDays, taskSteps) : null;
            AddBookmark(instanceId, place.Id, BookmarkKind.Task, name, name, info.AssigneeRole, taskDue, taskSteps, entered, left, step?.Action);
            if (info.Reminders)
            {
                foreach (var (timer, days) in new[] { ("reminder", Math.Max(0, info.DueDays!.Value - 1)), ("escalation", info.DueDays!.Value) })
                {
                    var timerSteps = Explained();
                    var due = calendar.AddBusinessDays(entered, days, timerSteps);
                    var fired = due < end;
                    AddBookmark(instanceId, place.Id, BookmarkKind.Timer, name, timer, null, due, fired ? null : timerSteps, entered,
                        fired ? due : left, fired ? "timer" : step?.Action);
                    if (!fired)
                    {
                        continue;
                    }

                    revision++;
                    journal.Add((due, 1, "TimerFired", name, null, timer, "system"));
                    Add("complaints_timeline", Timeline, [Guid.NewGuid(), caseId, place.Id, due, 3, timer == "reminder"
                        ? "Reminder sent to 1 person(s) who must act."
                        : isAppeal ? "Overdue: escalated to the social media managers." : "Overdue: escalated to the Integrity Commissioner.", "system"]);
                    var remind = info.AssigneeRole switch
                    {
                        StaffRoles.Member => member.Email,
                        StaffRoles.SocialMediaManager => account?.ResponsibleEmail ?? team.Email,
                        _ => (assigned ?? _staff[info.AssigneeRole!]).Email,
                    };
                    Mail(place.Id, due, timer == "reminder" ? remind : _staff[isAppeal ? StaffRoles.SocialMediaManager : StaffRoles.IntegrityCommissioner].Email,
                        timer == "reminder" ? $"Reminder: {reference} is due tomorrow" : $"Overdue: {reference}");
                }
            }

            if (info.ActionTimer is not null)
            {
                // Still open: the deadline lies ahead (the walk keeps it so), or the scheduler would have moved the case on.
                List<string>? timerSteps = null;
                if (left is null)
                {
                    timerSteps = info.ActionTimer == "escalation_deadline"
                        ? [$"The resident may escalate until the end of {escalateBy!.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}."]
                        : [];
                    if (timerSteps.Count == 0)
                    {
                        calendar.AddBusinessDays(entered, info.DueDays!.Value, timerSteps);
                    }
                }

                AddBookmark(instanceId, place.Id, BookmarkKind.Timer, name, info.ActionTimer, null, deadline, timerSteps, entered, left,
                    byTimer ? "timer" : step?.Action);
                if (byTimer)
                {
                    journal.Add((left!.Value, 1, "TimerFired", name, null, info.ActionTimer, "system"));
                }
            }

            if (step is null || left is not { } done)
            {
                continue;
            }

            revision++;
            var who = byTimer ? null : CaseStories.Actor(step.Action) switch
            {
                "resident" => null,
                "member" => member,
                "owner" => owner,
                "team" => assigned ?? team,
                var role => _staff[role],
            };
            var by = byTimer ? "system" : who?.Email ?? "resident";
            journal.Add((done, 2, "Transitioned", name, step.Target, step.Action, by));
            if (step.Target == "closed")
            {
                journal.Add((done, 3, "Completed", null, "closed", step.Action, by));
            }

            var (text, visibility, mails) = CaseStories.Timeline(step.Action);
            text = step.Action switch
            {
                "route_to_owner" => $"Your appeal was sent to {(account!.OwnerKind == Account.MemberKind
                    ? $"{account.OwnerName}, the member who runs {account.Handle}" : $"the team that runs {account.Handle}")}, who will decide it.",
                "uphold" => $"Decision: The action stands. Reasons: the comment broke rule {rule.Code} ({rule.Title}) of the posted house rules.\n\n"
                    + (account!.OwnerKind == Account.MemberKind
                        ? "If you are not satisfied, you may take it to the Integrity Commissioner as a Code of Conduct complaint, once, "
                        : "If you are not satisfied, you may ask the municipality's reviewer to look at it, once, ")
                    + $"until {escalateBy!.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}, through your private link.",
                "confirm_restored" => $"The account confirmed your {(outcome == "AccessRestored" ? "access is restored" : "content is back")}. Your appeal is closed.",
                "dispose" => $"{CaseStories.Explain(step.Detail!)} Reasons: {CaseStories.DispositionReasons(step.Detail!)}",
                "record_council_decision" => $"Council imposed a reprimand at its meeting of "
                    + $"{calendar.DayOf(done).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)} (resolution {Resolution(done)}).",
                _ => text,
            };
            Add("complaints_timeline", Timeline, [Guid.NewGuid(), caseId, place.Id, done, visibility, text, by]);
            if (_random.Next(5) == 0 && who is not null && who != member && who != owner)
            {
                Add("complaints_timeline", Timeline, [Guid.NewGuid(), caseId, place.Id, done, 3, isAppeal
                    ? "Spoke with the account manager; screenshots are on file."
                    : "Called the complainant to confirm the dates; notes are on file.", who.Email]);
            }

            if (!byTimer)
            {
                // A timer's step is the system's: the runtime writes it to the journal and the timeline, not the audit trail.
                _complaintsAudit.Add(AuditOf(done, who, step.Action == "information_received" ? "case.information-added" : $"case.{step.Action}",
                    "Case", reference, place.Id, null));
            }

            if (mails)
            {
                Mail(place.Id, done, email, $"An update on your case ({reference})");
            }

            switch (step.Action)
            {
                case "route_to_owner": routedAt = done; break;
                case "uphold": (outcome, decider, decidedAt) = ("Upheld", who, done); break;
                case "restore_access": (outcome, decider, decidedAt) = ("AccessRestored", who, done); break;
                case "reinstate_content": (outcome, decider, decidedAt) = ("ContentReinstated", who, done); break;
                case "confirm_restored": restored = done; break;
                case "escalate_to_reviewer": escalated = done; break;
                case "record_review": reviewed = done; break;
                case "dispose": disposition = step.Detail; break;
                case "investigate": investigated = done; break;
                case "submit_response": responded = done; break;
                case "share_response": shared = done; break;
                case "complete_review":
                    Add("complaints_human_rights_reviews", Reviews, [caseId, "",
                        "No other post by the member mentions the resident or a Code ground.", "No adverse effect on a Code ground was found.",
                        false, who!.Email, done]);
                    break;
                case "send_draft_report": draftSent = done; break;
                case "submit_comment": commented = done; break;
                case "prepare_final_report": prepared = done; break;
                case "issue_final_report": finalIssued = done; break;
                case "record_council_decision": councilDecided = done; break;
            }
        }

        // Staff open the case a few times; every read is audited with the sight it was read with (R15).
        var reader = assigned ?? team;
        for (var r = _random.Next(1, 4); r > 0; r--)
        {
            var read = Second(submitted.AddSeconds(_random.NextDouble() * ((visits[^1].Out ?? now) - submitted).TotalSeconds));
            _complaintsAudit.Add(AuditOf(read, reader, "case.read", "Case", reference, place.Id, isAppeal ? "AppealTeam" : "Full"));
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Add("complaints_cases", Cases, [caseId, place.Id, reference, isAppeal ? 1 : 2, closed ? 3 : 1, submitted,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), trackingTokens.Protect(token),
            _random.Next(3) == 0 ? null : Guid.NewGuid(), resident, email, assigned?.Id, assigned?.Email]);
        if (isAppeal)
        {
            SeedAppeal(place, caseId, submitted, account, owner, routedAt, escalateBy, escalated,
                outcome is null ? null : (outcome, decider!, decidedAt!.Value, rule.Code), restored, reviewed);
        }
        else
        {
            SeedComplaint(place, caseId, submitted, path, member, resident, disposition, investigated, responded, shared, draftSent,
                commented, prepared, finalIssued, councilDecided);
        }

        // The workflow instance and its journal, numbered in the order things happened.
        var numbered = journal.OrderBy(j => j.At).ThenBy(j => j.Order).ToList();
        for (var n = 0; n < numbered.Count; n++)
        {
            var j = numbered[n];
            Add("complaints_workflow_journal", Journal, [Guid.CreateVersion7(j.At), instanceId, place.Id, n + 1, j.At, j.Event, j.From, j.To,
                j.Action, j.Actor, null]);
        }

        Add("complaints_workflow_instances", Instances, [instanceId, place.Id, isAppeal ? "appeal" : "complaint",
            isAppeal ? CaseStories.AppealVersion : CaseStories.ComplaintVersion, reference, stage,
            closed ? WorkflowStatus.Completed : WorkflowStatus.Running, submitted, visits[^1].Out ?? visits[^1].In, revision, numbered.Count]);
        return new Story(reference, isAppeal, !closed, isAppeal && !closed && stage == "intake");
    }

    /// <summary>When a stage's action timer falls due: the resident's or member's business days, or the end of the time to escalate.</summary>
    private static DateTimeOffset? ActionDeadline(SeedCalendar calendar, StageInfo info, DateTimeOffset entered, DateOnly? escalateBy)
        => info.ActionTimer switch
        {
            null => null,
            // AppealFlow.EscalationEnds: the start of the day after the last day to escalate.
            "escalation_deadline" => calendar.StartOf(escalateBy!.Value.AddDays(1)),
            _ => calendar.AddBusinessDays(entered, info.DueDays!.Value),
        };

    private void AddBookmark(Guid instanceId, Guid municipality, BookmarkKind kind, string stage, string name, string? role, DateTimeOffset? due,
        List<string>? explanation, DateTimeOffset created, DateTimeOffset? consumed, string? consumedBy)
        => Add("complaints_workflow_bookmarks", Bookmarks, [Guid.CreateVersion7(created), instanceId, municipality, kind, stage, name, role, due,
            explanation is { Count: > 0 } ? string.Join('\n', explanation) : null, created, consumed, consumedBy]);

    /// <summary>Council's resolution number for a decision (one a day at most in the seed's story).</summary>
    private static string Resolution(DateTimeOffset decided) => $"{decided.Year}-{decided.DayOfYear:000}";

    /// <summary>What the appellant filed, who intake found runs the account, the moderation appealed, and the owner's decision.</summary>
    private void SeedAppeal(Place place, Guid caseId, DateTimeOffset submitted, Account? account, Person owner, DateTimeOffset? routedAt,
        DateOnly? escalateBy, DateTimeOffset? escalated, (string Outcome, Person By, DateTimeOffset At, string Rule)? decision,
        DateTimeOffset? restored, DateTimeOffset? reviewed)
    {
        var subject = _random.Next(10) switch { < 5 => 1, < 8 => 2, _ => 3 };
        var happened = DateOnly.FromDateTime(submitted.UtcDateTime.AddDays(-_random.Next(0, 21)));
        var handle = Handle(place);
        var grounds = _random.Next(5) == 0 ? CaseStories.Grounds.OrderBy(_ => _random.Next()).Take(_random.Next(1, 3)).ToList() : [];
        Guid? actionId = null;
        if (account is not null)
        {
            // The moderation the appeal is about, and sometimes earlier actions against the same person.
            var kind = subject switch { 1 => 4, 2 => 2, _ => 1 };
            var occurred = Second(new DateTimeOffset(happened.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero).AddMinutes(_random.Next(-600, 600)));
            for (var prior = _random.Next(3); prior > 0; prior--)
            {
                AddModeration(place, account, handle, occurred.AddDays(-_random.Next(3, 60)), null, kind: 1);
            }

            actionId = AddModeration(place, account, handle, occurred, null, kind, restored);
        }

        // Intake names the action appealed when it finds it on record: whoever took it (the moderator) may not decide.
        var named = routedAt is not null && actionId is not null && _random.Next(10) < 7;
        var member = account?.OwnerKind == Account.MemberKind;
        Add("complaints_appeals", Appeals, [caseId, account?.Id,
            account is null ? "The township's page on Facebook" : $"{account.Handle} ({account.Platform})", handle, subject, happened,
            subject == 1 ? null : CaseStories.Comments[_random.Next(CaseStories.Comments.Length)],
            _random.Next(2) == 0 ? "No reason was given." : null, string.Join(',', grounds), submitted,
            routedAt is null ? Account.UnknownKind : account!.OwnerKind, routedAt is not null && member ? owner.Id : null,
            routedAt is null ? null : account!.OwnerName, named ? actionId : null, named ? _staff[ModeratorRole].Id : null, routedAt,
            escalated is null ? null : 2, escalated, escalated is null ? null : "The rule was applied to criticism of council, not to abuse.",
            escalateBy]);
        if (decision is { } d)
        {
            var review = reviewed is not null;
            Add("complaints_appeal_decisions", Decisions, [caseId, d.Outcome, d.Outcome == "Upheld"
                    ? "The comment broke a rule posted on the account on the day of the action."
                    : "On review the action went further than the posted house rules allow.",
                d.Outcome == "Upheld" ? d.Rule : "", d.By.Email, d.At,
                grounds.Count == 0 ? null : string.Join('\n', grounds.Select(g => $"{g}: no link between the ground and the action; the same rule is applied to everyone.")),
                restored, review ? "Confirmed" : null, review ? "The rule was posted and applied as written." : null,
                review ? _staff[StaffRoles.Clerk].Email : null, reviewed]);
        }
    }

    /// <summary>What the complainant filed and declared, the coded disposition, and the report as far as it went.</summary>
    private void SeedComplaint(Place place, Guid caseId, DateTimeOffset submitted, Step[] path, Person member, string resident,
        string? disposition, DateTimeOffset? investigated, DateTimeOffset? responded, DateTimeOffset? shared, DateTimeOffset? draftSent,
        DateTimeOffset? commented, DateTimeOffset? prepared, DateTimeOffset? finalIssued, DateTimeOffset? councilDecided)
    {
        var filed = place.Calendar.DayOf(submitted);
        var late = disposition == "OutOfTime";
        // R16: the time limit (180 days by default) runs from when the complainant became aware of the conduct.
        var conduct = filed.AddDays(late ? -_random.Next(200, 400) : -_random.Next(1, 60));
        var aware = conduct.AddDays(late ? _random.Next(0, 3) : Math.Min(_random.Next(0, 5), filed.DayNumber - conduct.DayNumber));
        // Alleged discrimination needs the Human Rights Code review before a draft report (R8): only paths that have one carry it that far.
        var discrimination = path.Any(s => s.Action == "request_hr_review") || (_random.Next(10) == 0 && !path.Any(s => s.Action == "send_draft_report"));
        var articles = string.Join("; ", CaseStories.Articles.OrderBy(_ => _random.Next()).Take(_random.Next(1, 3)));
        Add("complaints_code_of_conduct", Complaints, [caseId, member.Id, member.Name,
            $"https://social.example/{member.Name.Replace(' ', '.')}/posts/{_random.Next(1_000_000)}", articles,
            "The member posted a comment mocking a resident who spoke at the council meeting, and tagged her. "
            + "Several people then sent her messages. I believe this breaks the Code of Conduct.",
            "519-555-" + _random.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{_random.Next(1, 999)} Main Street", resident, submitted, discrimination, null, investigated,
            1, conduct, aware, late, 1, null,
            disposition is not null ? CaseStories.DispositionCode(disposition) : investigated is not null ? CaseStories.DispositionCode("Investigate") : null]);
        if (responded is null && draftSent is null)
        {
            return;
        }

        // Published exactly as the Integrity Commissioner previewed it, nothing redacted: the registry checks this hash.
        var ic = _staff[StaffRoles.IntegrityCommissioner].Email;
        var hash = finalIssued is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            redacted = new { Member = member.Name, Articles = articles, Report = CaseStories.FinalReport,
                RecommendedSanction = (string?)CaseStories.Sanction, RemedialMeasures = (string?)null },
            marks = Array.Empty<string>(),
        }))));
        Add("complaints_reports", Reports, [caseId, draftSent is null ? "" : CaseStories.DraftReport, draftSent,
            commented is null ? null : "I have apologised and removed the post.",
            prepared is null ? null : CaseStories.FinalReport, prepared is null ? null : CaseStories.Sanction, finalIssued,
            draftSent is null ? "" : ic, councilDecided is null ? null : "Council imposed a reprimand", null, null,
            councilDecided is null ? null : place.Calendar.DayOf(councilDecided.Value), finalIssued,
            responded is null ? null : CaseStories.MemberResponse, shared is null ? null : CaseStories.MemberResponse,
            prepared is null ? null : true, true, councilDecided is not null,
            councilDecided is null ? null : Resolution(councilDecided.Value), finalIssued is null ? null : "[]", hash, finalIssued is null ? null : ic]);
    }

    /// <summary>Records a moderation action (and a block, for a block) on the account; returns its id.</summary>
    private Guid AddModeration(Place place, Account account, string handle, DateTimeOffset occurred, string? ruleCode, int? kind = null,
        DateTimeOffset? blockEnded = null)
    {
        var moderator = _staff[ModeratorRole];
        var disagreement = ruleCode is null && _random.Next(100) < 6;
        var rule = ruleCode is null && !disagreement ? place.Rules[_random.Next(place.Rules.Count)] : default;
        var chosenKind = kind ?? _random.Next(100) switch { < 50 => 1, < 80 => 2, < 90 => 4, < 95 => 3, _ => 6 };
        var ungraduated = chosenKind == 4 && _random.Next(10) < 3;
        var flags = string.Join(',', new[] { disagreement ? "viewpoint" : null, ungraduated ? "block-without-graduation" : null }.OfType<string>());
        var id = Guid.NewGuid();
        var recorded = occurred.AddMinutes(_random.Next(5, 180));
        var (code, title) = ruleCode is not null ? (ruleCode, "Candidate posting on a municipal account")
            : disagreement ? ("disagreement", "Disagreement or criticism (not a rule)") : (rule.Code, rule.Title);
        Add("accounts_moderation_actions", Moderation, [id, place.Id, account.Id, chosenKind, handle, $"https://social.example/{handle.TrimStart('@')}",
            $"https://social.example/{account.Handle.TrimStart('@')}/posts/{_random.Next(1_000_000)}",
            CaseStories.Comments[_random.Next(CaseStories.Comments.Length)], occurred, recorded, moderator.Id, moderator.Email,
            ruleCode is null && !disagreement ? rule.Id : null, code, title, false,
            ungraduated ? "Repeated abuse in private messages; see notes." : null, flags, null, null]);
        if (chosenKind == 4)
        {
            // Reviews already due were reminded of when they fell due, as the host's job would have done.
            var review = DateOnly.FromDateTime(occurred.UtcDateTime).AddDays(90);
            var reviewAt = new DateTimeOffset(review.ToDateTime(new TimeOnly(13, 0)), TimeSpan.Zero);
            Add("accounts_blocks", Blocks, [Guid.NewGuid(), place.Id, account.Id, handle, id, occurred, null, review,
                reviewAt <= now ? reviewAt : null, blockEnded]);
        }

        _accountsAudit.Add(AuditOf(recorded, moderator, "moderation.recorded", "ModerationAction", id.ToString(), place.Id,
            $"{KindName(chosenKind)} {handle} rule={code} flags={flags}"));
        return id;
    }

    private void Mail(Guid municipality, DateTimeOffset at, string to, string subject)
        => Add("complaints_outbox_messages", Outbox, [Guid.CreateVersion7(at), OutboxKind.Mail, "mail",
            JsonSerializer.Serialize(new { to, subject, body = "See your case in Governance.\n" }, JsonSerializerOptions.Web),
            municipality, at, at, 0, at.AddSeconds(10)]);

    private AuditEntry AuditOf(DateTimeOffset at, Person? who, string action, string recordType, string recordId, Guid municipality,
        string? details) => new()
    {
        At = at, ActorId = who?.Id, Actor = who?.Email ?? "resident",
        Address = who is null ? $"203.0.113.{_random.Next(1, 255)}" : "10.20.0.15",
        Action = action, RecordType = recordType, RecordId = recordId, MunicipalityId = municipality, Details = details,
    };

    /// <summary>Writes what the chunk produced in one transaction, sealing audit entries into each chain in time order.</summary>
    private async Task FlushAsync()
    {
        Seal("complaints_audit_entries", _complaintsAudit, ref _complaintsChain);
        Seal("accounts_audit_entries", _accountsAudit, ref _accountsChain);
        await db.BeginAsync();
        foreach (var (table, rows) in _pending.OrderBy(t => Array.IndexOf(ParentsFirst, t.Key)))
        {
            await db.WriteAsync(table, _columns[table], rows);
            _rows[table] = _rows.GetValueOrDefault(table) + rows.Count;
        }

        await db.CommitAsync();
        _pending.Clear();
    }

    private void Seal(string table, List<AuditEntry> entries, ref (long Sequence, string Hash) chain)
    {
        foreach (var entry in entries.OrderBy(e => e.At))
        {
            entry.Sequence = ++chain.Sequence;
            entry.PreviousHash = chain.Hash;
            entry.Hash = entry.ComputeHash(auditKey);
            chain.Hash = entry.Hash;
            Add(table, Audit, [entry.Id, entry.Sequence, entry.At, entry.ActorId, entry.Actor, entry.Address, entry.Action, entry.RecordType,
                entry.RecordId, entry.MunicipalityId, entry.Details, entry.PreviousHash, entry.Hash]);
        }

        entries.Clear();
    }

    private void Add(string table, string[] columns, object?[] row)
    {
        if (!_pending.TryGetValue(table, out var rows))
        {
            _pending[table] = rows = [];
            _columns[table] = columns;
        }

        rows.Add(row);
    }

    private Place PickPlace()
    {
        var roll = _random.NextDouble() * _totalWeight;
        foreach (var place in _places)
        {
            if ((roll -= place.Weight) < 0)
            {
                return place;
            }
        }

        return _places[^1];
    }

    /// <summary>Residents who post a lot show up again: handles come from a pool per municipality.</summary>
    private string Handle(Place place) => $"@user{_random.Next(place.HandlePool)}";

    /// <summary>Whole seconds: PostgreSQL keeps microseconds, and a hashed time must read back exactly.</summary>
    private static DateTimeOffset Second(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>A date column whichever way the provider returns it.</summary>
    private static DateOnly ReadDate(object? value) => value switch
    {
        DateOnly d => d,
        DateTime d => DateOnly.FromDateTime(d),
        string s => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Not a date: {value}"),
    };

    private static string PlatformName(int platform) => platform switch
    {
        1 => "Facebook", 2 => "X", 3 => "Instagram", 4 => "TikTok", 5 => "YouTube", 6 => "LinkedIn", _ => "Other",
    };

    private static string KindName(int kind) => kind switch
    {
        1 => "Hide", 2 => "Delete", 3 => "DisableComments", 4 => "Block", 5 => "Unblock", 6 => "ReportToPlatform", _ => "Other",
    };

    private static readonly string[] Surnames = ["Tremblay", "Singh", "MacDonald", "Nguyen", "Okafor", "Lavoie", "Chen", "Martin"];
}

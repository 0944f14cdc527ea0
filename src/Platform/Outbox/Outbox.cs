using System.Text.Json;
using Governance.Platform.Mail;
using Governance.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace Governance.Platform.Outbox;

/// <summary>The one way to publish an integration event or queue an e-mail: a row in the module's outbox.</summary>
public sealed class Outbox(TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Publish<TEvent>(DbContext db, TEvent integrationEvent, Guid? municipalityId = null)
        where TEvent : IIntegrationEvent
        => Add(db, OutboxKind.IntegrationEvent, EventTypeName(typeof(TEvent)),
            JsonSerializer.Serialize(integrationEvent, Json), municipalityId);

    /// <summary>Queues an e-mail. Returns the outbox id, which also becomes the message's Message-ID.</summary>
    public Guid Mail(DbContext db, OutgoingMail mail, Guid? municipalityId = null)
        => Add(db, OutboxKind.Mail, "mail", JsonSerializer.Serialize(mail, Json), municipalityId);

    internal static string EventTypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    private Guid Add(DbContext db, OutboxKind kind, string type, string payload, Guid? municipalityId)
    {
        var now = clock.GetUtcNow();
        var message = new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            Type = type,
            Payload = payload,
            MunicipalityId = municipalityId,
            CreatedAt = now,
            AvailableAt = now,
        };
        db.Set<OutboxMessage>().Add(message);
        return message.Id;
    }
}

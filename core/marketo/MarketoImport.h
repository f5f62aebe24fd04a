#pragma once

#include "marketo/MarketoRecords.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

struct Workspace;

// What an import changed, for the preview, the window's summary and the CLI's JSON.
struct MarketoImportSummary
{
    QStringList added;
    QStringList updated;
    QStringList removed;
    // In the workspace but not in the instance: reported, never deleted.
    QStringList absent;
    QStringList warnings;

    bool changed() const { return !added.isEmpty() || !updated.isEmpty() || !removed.isEmpty(); }
    // {"added", "updated", "removed", "absent", "warnings"}.
    QJsonObject toJson() const;
};

// Merges what Marketo returned into a workspace. Each function changes only the copy it is
// given, so a caller can preview the result and apply it as one undoable step, or drop
// it.
class MarketoImport
{
public:
    // Fields: the instance's custom fields are added or updated (display name, type);
    // standard fields stay as they are. Every field's API name and read-only flag are
    // remembered (MarketoConnection) for the linter. A Marketo type the workspace does
    // not know becomes string, with a warning.
    static MarketoImportSummary mergeFields(Workspace* workspace, const QList<MarketoField>& fields);
    // Leads as Marketo sends them (keyed by API name) become sample leads keyed by
    // display name, with the fields the workspace knows; a lead whose email address is
    // already there is updated, others are added.
    static MarketoImportSummary mergeLeads(Workspace* workspace, const QList<QJsonObject>& leads);
    // A program's My Tokens become the context's My Tokens (added or updated; others are
    // kept), and the program's name and id its program context. A secret My Token keeps
    // its value: what Marketo holds is not the secret.
    static MarketoImportSummary
    mergeTokens(Workspace* workspace, const MarketoProgram& program, const QList<MarketoToken>& tokens);

    // The API names to ask Marketo for: the workspace's fields the instance has (Marketo
    // refuses a request naming a field it lacks). `instance` is what describe returned,
    // for a workspace whose fields were never imported; without either, nothing is named
    // and Marketo sends its default fields.
    static QStringList leadFields(const Workspace& workspace, const QList<MarketoField>& instance = {});

    Q_DECLARE_TR_FUNCTIONS(MarketoImport) // last: it ends in private:
};

#pragma once

#include "model/Workspace.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// Where a workspace file is wrong, for a caller that points at the place (the CLI prints
// file:line:column): the JSON path of the problem (e.g. "webhooks[2].requestType"; empty
// for a syntax error or a problem with the whole document), the 1-based line and column
// in the file (0 when unknown) and the message without the place.
struct WorkspaceFileProblem
{
    QString path;
    int line = 0;
    int column = 0;
    QString message;

    // The error text: "webhooks[2].requestType: unknown request type "FETCH" (expected GET,
    // POST, PUT, PATCH or DELETE)"; a syntax error reads "line 3, column 7: unterminated
    // string".
    QString toString() const;
};

// Reads and writes the `.webhooks.json` workspace file.
//
// Reading validates everything a later stage relies on and rejects the first problem with
// its path and position: a missing or unsupported "format", wrong JSON types, unknown enum
// values, empty or duplicate webhook names, duplicate custom fields, response mappings to
// fields that are not in the catalogue, lead values that are not scalars, context values
// that are not strings (numbers are converted). Missing optional keys take defaults;
// unknown keys anywhere (top level, context, field, webhook, header, mapping) are kept in
// the `extra` members and written back. It never crashes on any input.
//
// Writing is UTF-8, pretty-printed with a 2-space indent and a stable key order:
// format, id (once set), timeZone, fields, leads, context, trustedCertificate and marketo
// (each only when set), webhooks, then unknown keys. Lead objects and unknown values are written with
// alphabetical keys. Reading a written file and writing it again gives the same bytes.
//
// Optional members:
// - "id": a UUID naming the workspace's entries in the keychain;
// - a header may say "secret": true (its value is masked in the window);
// - "context": {"secretMyTokens": ["apiKey"]} marks My Tokens secret;
// - a secret's value is not written: a secret header has no "value", a secret My Token
//   is written as "". A file that holds values (written before the keychain) is read with
//   Workspace::secretsInFile set, and keeps them on write until they are moved;
// - a context scope key that is present (even as {}) means the flow step provides it;
// - "trustedCertificate": {"host": "dev.example.com", "sha256": "AB:CD:..."} trusts one
//   self-signed certificate (SHA-256 of its DER form, 64 hex digits in either case, with or
//   without colons; written upper case with colons) for one host (no scheme, port or path);
// - "marketo": {"endpoint", "identity", "clientId", "instanceFields", "readOnlyFields"}
//   connects the workspace to a Marketo instance (MarketoConnection); the URLs must be
//   http:// or https://, the field lists are API names;
// - a webhook's "checks": [{"status": "2xx"}, {"field": "company", "equals": "Acme"},
//   {"path": "data.id", "exists": true}, {"latencyBelowMs": 500}, ...], each with an
//   optional "name" (see Check); a check of no known shape, of a wrong JSON type or that
//   cannot be judged (Check::problem()) is refused, naming the webhook and the check's
//   number. Written after the response mappings, only when there are checks;
// - a webhook's "baseline": {"responseType": "json" or "xml", "paths": {"data.id":
//   "number", ...}} (ResponseShape), paths written in sorted order, only when set.
class WorkspaceFile
{
public:
    static QString formatName(); // "webhook-designer/1"
    static QString fileSuffix(); // ".webhooks.json"

    // Parses a workspace from the file's bytes (a UTF-8 BOM is allowed). On failure,
    // returns false, leaves *workspace untouched, and sets *error to the problem's text and
    // *problem to its parts, each when given.
    static bool read(const QByteArray& bytes,
                     Workspace* workspace,
                     QString* error = nullptr,
                     WorkspaceFileProblem* problem = nullptr);
    // Reads a file; an unreadable file is a problem without a path or position.
    static bool load(const QString& fileName,
                     Workspace* workspace,
                     QString* error = nullptr,
                     WorkspaceFileProblem* problem = nullptr);

    static QByteArray write(const Workspace& workspace);
    // Writes atomically (QSaveFile): a crash mid-save leaves the old file intact.
    static bool save(const Workspace& workspace, const QString& fileName, QString* error = nullptr);

    Q_DECLARE_TR_FUNCTIONS(WorkspaceFile) // last: it ends in private:
};

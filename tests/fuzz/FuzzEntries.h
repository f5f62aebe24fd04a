#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// What each libFuzzer target does with one input, shared by the fuzzers (tests/fuzz) and
// by tst_fuzzregressions, which runs every saved crash input through the same code so a
// bug a fuzzer found stays fixed.
//
// Each entry feeds the input to a parser, or to the renderer, and checks the parts of its
// contract that hold for any input (offsets inside the text, nothing applied from an
// invalid document, a saved workspace reads back to the same bytes, ...). It returns an
// empty string when the input was handled as the contract says, otherwise what was
// violated. The other failure is a crash, a hang or a sanitizer report.
//
// Input layouts:
//   template      the whole input is the template (URL, payload and header value) and
//                 also a lead's "First Name", rendered under each token encoding.
//   responsepath  the first line holds response paths separated by '|', the rest is the
//                 response body; the paths are evaluated as JSON and as XML paths.
//   workspace     a `.webhooks.json` file.
//   csv           a CSV file of leads.
//   history       a call history file.
class FuzzEntries
{
public:
    static QStringList targets(); // "template", "responsepath", "workspace", "csv", "history"
    // Runs the target's entry; an unknown target is reported as a violation.
    static QString run(const QString& target, const QByteArray& input);

    static QString templateInput(const QByteArray& input);
    static QString responsePathInput(const QByteArray& input);
    static QString workspaceInput(const QByteArray& input);
    static QString csvInput(const QByteArray& input);
    static QString historyInput(const QByteArray& input);
};

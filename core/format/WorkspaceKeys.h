#pragma once

#include <QSet>
#include <QString>

// The members each kind of object in the workspace file knows. The reader keeps any
// other member in the object's `extra`, and the writer writes `extra` back after the
// known ones, so a newer version's additions survive an older designer.
namespace WorkspaceKeys {

const QSet<QString>& root();
const QSet<QString>& field();
const QSet<QString>& certificate();
const QSet<QString>& marketo();
const QSet<QString>& webhook();
const QSet<QString>& header();
const QSet<QString>& mapping();
const QSet<QString>& check();
const QSet<QString>& baseline();

} // namespace WorkspaceKeys

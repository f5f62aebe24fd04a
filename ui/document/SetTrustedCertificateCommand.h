#pragma once

#include "model/TrustedCertificate.h"

#include <QUndoCommand>

class WorkspaceDocument;

// Sets the workspace's trusted certificate (one host, one SHA-256 digest), replacing the
// one trusted before; undo restores the previous trust, or none.
class SetTrustedCertificateCommand : public QUndoCommand
{
public:
    SetTrustedCertificateCommand(WorkspaceDocument* document, const TrustedCertificate& certificate);

    void redo() override;
    void undo() override;

private:
    WorkspaceDocument* m_document;
    TrustedCertificate m_before;
    TrustedCertificate m_after;
};

#include "SetTrustedCertificateCommand.h"

#include "document/WorkspaceDocument.h"

#include <QCoreApplication>

SetTrustedCertificateCommand::SetTrustedCertificateCommand(WorkspaceDocument* document,
                                                           const TrustedCertificate& certificate)
    : QUndoCommand(certificate.isSet()
                       ? QCoreApplication::translate("SetTrustedCertificateCommand", "Trust certificate for %1")
                             .arg(certificate.host)
                       : QCoreApplication::translate("SetTrustedCertificateCommand", "Stop trusting certificate"))
    , m_document(document)
    , m_before(document->workspace().trustedCertificate)
    , m_after(certificate)
{
}

void SetTrustedCertificateCommand::redo()
{
    m_document->setTrustedCertificate(m_after);
}

void SetTrustedCertificateCommand::undo()
{
    m_document->setTrustedCertificate(m_before);
}

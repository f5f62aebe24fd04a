#include "Workspace.h"

#include <QUuid>

int Workspace::webhookIndex(const QString& name) const
{
    for (int i = 0; i < webhooks.size(); ++i) {
        if (webhooks[i].name == name) {
            return i;
        }
    }
    return -1;
}

int Workspace::leadIndex(const QString& indexOrEmail) const
{
    bool isNumber = false;
    const int index = indexOrEmail.toInt(&isNumber);
    if (isNumber) {
        return index >= 0 && index < leads.size() ? index : -1;
    }
    const FieldCatalog fieldCatalog = catalog();
    const Field* email = fieldCatalog.findByApiName(QStringLiteral("email"));
    for (int i = 0; email && i < leads.size(); ++i) {
        if (FieldCatalog::value(leads[i], *email).toString().compare(indexOrEmail, Qt::CaseInsensitive) == 0) {
            return i;
        }
    }
    return -1;
}

QString Workspace::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

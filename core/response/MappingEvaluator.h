#pragma once

#include "model/Workspace.h"
#include "response/MappingResult.h"

#include <QByteArray>
#include <QCoreApplication>

// Evaluates a webhook's response mappings against a response, as Marketo does:
// the 2xx rule, JSON and XML paths with indexes, type fit. Works on a 100 MB body in a
// single streaming pass: no DOM of the whole response is built.
class MappingEvaluator
{
public:
    static MappingOutcome evaluate(const Workspace& workspace,
                                   const Webhook& webhook,
                                   const QJsonObject& lead,
                                   int status,
                                   const QByteArray& body);
    // The same with the workspace's catalog built once: a batch run evaluates thousands
    // of answers against it.
    static MappingOutcome evaluate(const FieldCatalog& catalog,
                                   const Webhook& webhook,
                                   const QJsonObject& lead,
                                   int status,
                                   const QByteArray& body);

    Q_DECLARE_TR_FUNCTIONS(MappingEvaluator) // last: it ends in private:
};

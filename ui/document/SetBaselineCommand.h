#pragma once

#include "model/ResponseShape.h"

#include <QUndoCommand>

#include <optional>

class WorkspaceDocument;

// Stores a response's shape as a webhook's baseline (Save as Baseline), or clears it
// (nullopt, Clear Baseline); undo restores the baseline it replaced, or none.
class SetBaselineCommand : public QUndoCommand
{
public:
    SetBaselineCommand(WorkspaceDocument* document, int webhook, const std::optional<ResponseShape>& baseline);

    void redo() override;
    void undo() override;

private:
    WorkspaceDocument* m_document;
    int m_webhook;
    std::optional<ResponseShape> m_before;
    std::optional<ResponseShape> m_after;
};

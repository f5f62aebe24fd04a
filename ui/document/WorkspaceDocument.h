#pragma once

#include "model/Workspace.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QVariant>

class QUndoStack;

// The workspace open in the window: the data, the file it came from, the undo stack and
// the chosen sample lead. Views never write the Workspace directly: every edit is a
// QUndoCommand pushed on undoStack(), and the commands call the mutators below, which
// emit fine-grained signals so the models can keep their views' selection and editors.
//
// Index conventions: webhooks, rows and leads are 0-based indexes into the Workspace's
// lists at the time of the call; the undo stack is linear, so a command's indexes are
// valid whenever it is redone or undone.
class WorkspaceDocument : public QObject
{
    Q_OBJECT

public:
    enum class RowTable { Headers, Mappings, Checks };
    enum class Property { Name, Description, Url, RequestType, PayloadTemplate, Encoding, ResponseType };
    Q_ENUM(Property)

    explicit WorkspaceDocument(QObject* parent = nullptr);
    ~WorkspaceDocument() override;

    const Workspace& workspace() const { return m_workspace; }
    QUndoStack* undoStack() const { return m_undoStack; }

    // Replaces everything (New, Open, restore): clears the undo stack. `modified` is true
    // for a restored recovery file, which has not been saved anywhere yet.
    void reset(const Workspace& workspace, const QString& filePath, bool modified = false);
    QString filePath() const { return m_filePath; }
    // After a successful save to `filePath`.
    void markSaved(const QString& filePath);
    // Where the secret values live, set when they are moved into the keychain: not an
    // edit, so it neither marks the workspace modified nor goes on the undo stack.
    void setSecretStorage(const QString& id, bool secretsInFile);
    bool isModified() const;
    // Counts every change, including undo and redo; the autosave compares it.
    quint64 revision() const { return m_revision; }

    // The sample lead the preview renders with; -1 when the workspace has no leads. Not
    // an edit of the workspace, so not undoable.
    int currentLead() const { return m_currentLead; }
    void setCurrentLead(int index);
    QJsonObject currentLeadObject() const;

    // A name not used by any webhook, based on `base` ("Webhook", "Webhook 2", ...).
    QString uniqueWebhookName(const QString& base) const;

    static QVariant property(const Webhook& webhook, Property property);
    static void setProperty(Webhook& webhook, Property property, const QVariant& value);
    static bool isTextProperty(Property property);
    // How many rows `table` of `webhook` holds.
    static int rowCount(const Webhook& webhook, RowTable table);

    // Mutators for the undo commands; each emits the matching signals and changed().
    void insertWebhook(int index, const Webhook& webhook);
    void removeWebhook(int index);
    void setWebhookProperty(int index, Property property, const QVariant& value);
    void insertHeader(int webhook, int row, const Header& header);
    void insertMapping(int webhook, int row, const ResponseMapping& mapping);
    void insertCheck(int webhook, int row, const Check& check);
    void removeRow(RowTable table, int webhook, int row);
    void moveRow(RowTable table, int webhook, int from, int to);
    void setHeader(int webhook, int row, const Header& header);
    void setMapping(int webhook, int row, const ResponseMapping& mapping);
    void setCheck(int webhook, int row, const Check& check);
    // The shape later responses are compared with; nullopt clears it.
    void setBaseline(int webhook, const std::optional<ResponseShape>& baseline);
    void setLead(int index, const QJsonObject& lead);
    void setLeadsAndFields(const QList<QJsonObject>& leads, const QList<Field>& fields);
    void setContext(const Context& context, const QString& timeZone);
    // The one self-signed certificate the workspace trusts (an unset one trusts nothing).
    void setTrustedCertificate(const TrustedCertificate& certificate);
    void setMarketo(const MarketoConnection& connection);

signals:
    void workspaceReset();
    void changed();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& filePath);
    void currentLeadChanged(int index);

    void webhookAboutToBeInserted(int index);
    void webhookInserted(int index);
    void webhookAboutToBeRemoved(int index);
    void webhookRemoved(int index);
    void webhookChanged(int index, WorkspaceDocument::Property property);

    void rowAboutToBeInserted(WorkspaceDocument::RowTable table, int webhook, int row);
    void rowInserted(WorkspaceDocument::RowTable table, int webhook, int row);
    void rowAboutToBeRemoved(WorkspaceDocument::RowTable table, int webhook, int row);
    void rowRemoved(WorkspaceDocument::RowTable table, int webhook, int row);
    void rowAboutToBeMoved(WorkspaceDocument::RowTable table, int webhook, int from, int to);
    void rowMoved(WorkspaceDocument::RowTable table, int webhook, int from, int to);
    void rowChanged(WorkspaceDocument::RowTable table, int webhook, int row);
    void baselineChanged(int webhook);

    void leadChanged(int index);
    // Leads or custom fields replaced (CSV import).
    void leadsReset();
    void contextChanged();
    void trustedCertificateChanged();
    void marketoChanged();

private:
    void touch();

    Workspace m_workspace;
    QString m_filePath;
    QUndoStack* m_undoStack = nullptr;
    bool m_unsavedRestore = false;
    int m_currentLead = -1;
    quint64 m_revision = 0;
};

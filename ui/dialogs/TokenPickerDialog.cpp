#include "TokenPickerDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

QString scopeLabel(const QString& scope)
{
    if (scope == QLatin1String("lead"))
        return TokenPickerDialog::tr("Lead");
    if (scope == QLatin1String("company"))
        return TokenPickerDialog::tr("Company");
    if (scope == QLatin1String("my"))
        return TokenPickerDialog::tr("My Tokens");
    if (scope == QLatin1String("program"))
        return TokenPickerDialog::tr("Program");
    if (scope == QLatin1String("campaign"))
        return TokenPickerDialog::tr("Campaign");
    if (scope == QLatin1String("trigger"))
        return TokenPickerDialog::tr("Trigger");
    if (scope == QLatin1String("member"))
        return TokenPickerDialog::tr("Program Member");
    if (scope == QLatin1String("system"))
        return TokenPickerDialog::tr("System");
    return scope;
}

} // namespace

TokenPickerDialog::TokenPickerDialog(QWidget* parent)
    : QDialog(parent), m_model(new QStandardItemModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("tokenPickerDialog"));
    setAccessibleName(tr("Insert token"));
    setWindowTitle(tr("Insert Token"));

    m_model->setHorizontalHeaderLabels({tr("Token"), tr("Type"), tr("Sample value")});
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(SearchRole);
    m_proxy->setFilterKeyColumn(0);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    // A scope stays visible while any of its tokens matches.
    m_proxy->setRecursiveFilteringEnabled(true);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("tokenSearchEdit"));
    m_search->setAccessibleName(tr("Search tokens"));
    m_search->setPlaceholderText(tr("Search tokens, e.g. first name"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("tokenTree"));
    m_tree->setAccessibleName(tr("Tokens by scope"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_tree->setColumnWidth(0, 240);
    m_tree->setColumnWidth(1, 90);

    m_default = new QLineEdit(this);
    m_default->setObjectName(QStringLiteral("tokenDefaultEdit"));
    m_default->setAccessibleName(tr("Default value"));
    m_default->setPlaceholderText(tr("Optional: used when the value is empty"));
    m_default->installEventFilter(this);

    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("tokenPreviewLabel"));
    m_preview->setAccessibleName(tr("Token to insert"));
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setTextFormat(Qt::PlainText);

    auto* form = new QFormLayout;
    form->addRow(tr("&Default:"), m_default);
    form->addRow(tr("Inserts:"), m_preview);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("tokenButtonBox"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("tokenCancelButton"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Close without inserting"));
    m_insert = buttons->addButton(tr("&Insert"), QDialogButtonBox::AcceptRole);
    m_insert->setObjectName(QStringLiteral("tokenInsertButton"));
    m_insert->setAccessibleName(tr("Insert the token"));
    m_insert->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textChanged, this, [this] { applyFilter(); });
    connect(m_default, &QLineEdit::textChanged, this, [this] { updatePreview(); });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] { updatePreview(); });
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (index.siblingAtColumn(0).data(TokenIndexRole).isValid())
            accept();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &TokenPickerDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(640, 520);
    updatePreview();
}

TokenPickerDialog::~TokenPickerDialog() = default;

void TokenPickerDialog::setTokens(const QList<TokenInfo>& tokens)
{
    m_tokens = tokens;
    m_model->removeRows(0, m_model->rowCount());
    QHash<QString, QStandardItem*> scopes;
    QStringList order = TokenCatalog::scopes();
    for (int i = 0; i < m_tokens.size(); ++i) {
        const TokenInfo& token = m_tokens.at(i);
        QStandardItem* scope = scopes.value(token.scope);
        if (!scope) {
            scope = new QStandardItem(scopeLabel(token.scope));
            scope->setSelectable(false);
            scope->setData(QString(), SearchRole); // matches only through its tokens
            scopes.insert(token.scope, scope);
            if (!order.contains(token.scope))
                order.append(token.scope);
        }
        auto* name = new QStandardItem(token.name);
        name->setData(i, TokenIndexRole);
        name->setData(
            QStringLiteral("%1.%2 %3 %4").arg(token.scope, token.name, token.apiName, scopeLabel(token.scope)),
            SearchRole);
        QString tip = token.insertText();
        if (!token.apiName.isEmpty())
            tip += tr("\nAPI name: %1").arg(token.apiName);
        if (!token.description.isEmpty())
            tip += QLatin1Char('\n') + token.description;
        name->setToolTip(tip);
        auto* type = new QStandardItem(token.type);
        auto* sample = new QStandardItem(token.secret ? QStringLiteral("••••••") : token.sampleValue);
        if (token.secret)
            sample->setToolTip(tr("Secret: the value is masked"));
        scope->appendRow({name, type, sample});
    }
    for (const QString& key : order) {
        if (QStandardItem* scope = scopes.value(key))
            m_model->appendRow({scope, new QStandardItem, new QStandardItem});
    }
    applyFilter();
}

QString TokenPickerDialog::tokenText() const
{
    const int index = currentTokenIndex();
    if (index < 0)
        return {};
    return tokenText(m_tokens.at(index), m_default->text());
}

QString TokenPickerDialog::tokenText(const TokenInfo& token, const QString& defaultValue)
{
    QString text = QStringLiteral("{{%1.%2").arg(token.scope, token.name);
    if (!defaultValue.isEmpty())
        text += QStringLiteral(":default=") + defaultValue;
    return text + QStringLiteral("}}");
}

void TokenPickerDialog::accept()
{
    const QString text = tokenText();
    if (text.isEmpty())
        return; // a scope row, or nothing matches: nothing to insert
    emit tokenChosen(text);
    QDialog::accept();
}

bool TokenPickerDialog::eventFilter(QObject* watched, QEvent* event)
{
    if ((watched == m_search || watched == m_default) && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (watched == m_search && key == Qt::Key_Down) {
            m_tree->setFocus();
            if (!m_tree->currentIndex().isValid())
                selectFirstToken();
            return true;
        }
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void TokenPickerDialog::applyFilter()
{
    m_proxy->setFilterFixedString(m_search->text().trimmed());
    // Few enough rows to show everything that matches at once.
    m_tree->expandAll();
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid() || !current.siblingAtColumn(0).data(TokenIndexRole).isValid())
        selectFirstToken();
    updatePreview();
}

void TokenPickerDialog::selectFirstToken()
{
    for (int s = 0; s < m_proxy->rowCount(); ++s) {
        const QModelIndex scope = m_proxy->index(s, 0);
        if (m_proxy->rowCount(scope) > 0) {
            m_tree->setCurrentIndex(m_proxy->index(0, 0, scope));
            return;
        }
    }
    m_tree->setCurrentIndex({});
}

void TokenPickerDialog::updatePreview()
{
    const QString text = tokenText();
    m_preview->setText(text.isEmpty() ? tr("(choose a token)") : text);
    m_insert->setEnabled(!text.isEmpty());
}

int TokenPickerDialog::currentTokenIndex() const
{
    const QVariant index = m_tree->currentIndex().siblingAtColumn(0).data(TokenIndexRole);
    return index.isValid() ? index.toInt() : -1;
}

#include "UiTestWorkspace.h"
#include "WindowTestSupport.h"
#include "batch/BatchDialog.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/FieldChooserDialog.h"
#include "dialogs/SettingsDialog.h"
#include "dialogs/TokenPickerDialog.h"
#include "exchange/CurlImportDialog.h"
#include "exchange/ExportDialog.h"
#include "exchange/SetupSheet.h"
#include "exchange/SetupSheetDialog.h"
#include "history/HistoryDialog.h"
#include "i18n/PseudoTranslator.h"
#include "marketo/MarketoClient.h"
#include "marketo/MarketoConnectDialog.h"
#include "marketo/MarketoImportDialog.h"
#include "widgets/ElidedLabel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QApplication>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QScreen>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <functional>
#include <memory>

// The window and every dialog in a longer language and at 200%: with the pseudo
// translation every text comes back in brackets and 30% longer, so a text on screen
// without brackets was not translatable, and a label, button or tab narrower than its
// text is clipped. Each page of every tab is visited. Widgets laid out side by side
// must not overlap, and each window must fit the screen of a 2560x1600 display at
// 200% (1280x800 device-independent pixels) without being cut.
class tst_TextFit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        useWindowTestSettings(QStringLiteral("tst_textfit"));
        QApplication::installTranslator(new PseudoTranslator(this));
    }

    void init() { resetWindowTestSettings(); }

    void windowsFit_data()
    {
        QTest::addColumn<QString>("window");
        for (const char* name : {"main",
                                 "settings",
                                 "about",
                                 "batch",
                                 "history",
                                 "tokenPicker",
                                 "fieldChooser",
                                 "marketoConnect",
                                 "marketoFields",
                                 "marketoLeads",
                                 "curlImport",
                                 "export",
                                 "setupSheet"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void windowsFit()
    {
        QFETCH(QString, window);
        std::unique_ptr<QWidget> widget = make(window);
        widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
        QStringList problems;
        const QSize minimum = widget->minimumSizeHint().expandedTo(widget->minimumSize());
        if (minimum.width() > screen().width() || minimum.height() > screen().height())
            problems << QStringLiteral("needs at least %1x%2").arg(minimum.width()).arg(minimum.height())
                            + minimumSizes(widget.get());
        if (widget->width() > screen().width() || widget->height() > screen().height())
            problems << QStringLiteral("opens at %1x%2").arg(widget->width()).arg(widget->height());
        problems << visitPages(widget.get(), [](QWidget* top) { return check(top); });
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

private:
    static QSize screen() { return {1280, 800}; }

    // A client for the Marketo dialogs; nothing is sent while they are only shown.
    static MarketoClient* marketoClient()
    {
        static QNetworkAccessManager manager;
        static MarketoClient client(&manager);
        return &client;
    }

    static std::unique_ptr<QWidget> make(const QString& name)
    {
        if (name == QLatin1String("main"))
            return std::make_unique<MainWindow>();
        if (name == QLatin1String("settings"))
            return std::make_unique<SettingsDialog>();
        if (name == QLatin1String("about"))
            return std::make_unique<AboutDialog>();
        if (name == QLatin1String("batch"))
            return std::make_unique<BatchDialog>(uiTestWorkspace(), 0);
        if (name == QLatin1String("history"))
            return std::make_unique<HistoryDialog>();
        if (name == QLatin1String("tokenPicker"))
            return std::make_unique<TokenPickerDialog>();
        if (name == QLatin1String("marketoConnect"))
            return std::make_unique<MarketoConnectDialog>(marketoClient());
        if (name == QLatin1String("marketoFields"))
            return std::make_unique<MarketoImportDialog>(
                MarketoImportDialog::Kind::Fields, uiTestWorkspace(), marketoClient());
        if (name == QLatin1String("marketoLeads"))
            return std::make_unique<MarketoImportDialog>(
                MarketoImportDialog::Kind::Leads, uiTestWorkspace(), marketoClient());
        if (name == QLatin1String("curlImport"))
            return std::make_unique<CurlImportDialog>(uiTestWorkspace());
        if (name == QLatin1String("export"))
            return std::make_unique<ExportDialog>(
                QStringLiteral("Enrich"), 2, QStringLiteral("Ada Lovelace"), QStringLiteral("/tmp/enrich"));
        if (name == QLatin1String("setupSheet")) {
            // Findings from the linter, so core's longer messages are on screen too.
            Workspace workspace = uiTestWorkspace();
            Webhook& webhook = workspace.webhooks.first();
            webhook.requestTokenEncoding = TokenEncoding::None;
            webhook.responseMappings.append({QStringLiteral("data[*]"), QStringLiteral("company"), {}});
            return std::make_unique<SetupSheetDialog>(SetupSheet(workspace, 0), webhook.name);
        }
        return std::make_unique<FieldChooserDialog>(uiTestWorkspace().catalog(), QStringLiteral("data.company"));
    }

    // Runs `checkPage` on the window with each page of each tab widget shown in turn.
    static QStringList visitPages(QWidget* top, const std::function<QStringList(QWidget*)>& checkPage)
    {
        QStringList problems = checkPage(top);
        const QList<QTabWidget*> tabs = top->findChildren<QTabWidget*>();
        for (QTabWidget* tab : tabs) {
            const int current = tab->currentIndex();
            for (int i = 0; i < tab->count(); ++i) {
                if (i == current)
                    continue;
                tab->setCurrentIndex(i);
                QCoreApplication::processEvents();
                for (const QString& problem : checkPage(top)) {
                    if (!problems.contains(problem))
                        problems << problem;
                }
            }
            tab->setCurrentIndex(current);
        }
        return problems;
    }

    // The widest parts, to say what makes a window too big.
    static QString minimumSizes(QWidget* top)
    {
        QStringList sizes;
        const QList<QWidget*> widgets = top->findChildren<QWidget*>();
        for (QWidget* w : widgets) {
            const QSize size = w->minimumSizeHint().expandedTo(w->minimumSize());
            if (size.width() > 250)
                sizes << QStringLiteral("%1 %2x%3").arg(describe(w)).arg(size.width()).arg(size.height());
        }
        return QStringLiteral(": ") + sizes.join(QStringLiteral(", "));
    }

    static QString describe(const QWidget* widget)
    {
        return QStringLiteral("%1 (%2)").arg(widget->objectName(), QLatin1String(widget->metaObject()->className()));
    }

    // Texts on screen that are the user's data, not the program's: what a workspace,
    // a lead or a response holds.
    static bool showsData(const QWidget* widget)
    {
        // The batch results' columns are named after the lead fields the webhook maps to.
        static const QStringList names = {QStringLiteral("batchResultsHeaderView")};
        for (const QWidget* w = widget; w; w = w->parentWidget()) {
            if (names.contains(w->objectName()))
                return true;
        }
        return false;
    }

    static bool hasWords(const QString& text)
    {
        return text.contains(QRegularExpression(QStringLiteral("[A-Za-z]{2}")));
    }

    static QStringList check(QWidget* top)
    {
        QStringList problems;
        const auto untranslated = [&problems](const QWidget* w, const QString& what, const QString& text) {
            if (hasWords(text) && !PseudoTranslator::isPseudo(text) && !showsData(w))
                problems << QStringLiteral("untranslated %1 of %2: \"%3\"").arg(what, describe(w), text);
        };
        const QList<QWidget*> widgets = top->findChildren<QWidget*>() << top;
        for (QWidget* w : widgets) {
            if (!w->isVisibleTo(top))
                continue;
            if (w->isWindow())
                untranslated(w, QStringLiteral("title"), w->windowTitle());
            untranslated(w, QStringLiteral("tooltip"), w->toolTip());
            untranslated(w, QStringLiteral("accessible name"), w->accessibleName());
            if (auto* label = qobject_cast<QLabel*>(w)) {
                untranslated(w, QStringLiteral("text"), label->text());
                if (!qobject_cast<ElidedLabel*>(label) && !label->text().isEmpty()) {
                    const bool clipped = label->wordWrap() ? label->height() < label->heightForWidth(label->width())
                                                           : label->width() < label->sizeHint().width();
                    if (clipped)
                        problems << QStringLiteral("clipped %1: %2x%3 for \"%4\"")
                                        .arg(describe(w))
                                        .arg(label->width())
                                        .arg(label->height())
                                        .arg(label->text());
                }
            } else if (auto* button = qobject_cast<QAbstractButton*>(w)) {
                untranslated(w, QStringLiteral("text"), button->text());
                const bool inToolBar = qobject_cast<QToolBar*>(w->parentWidget());
                if (!inToolBar && !button->text().isEmpty() && button->width() < button->sizeHint().width())
                    problems << QStringLiteral("clipped %1: %2 wide for \"%3\" (needs %4)")
                                    .arg(describe(w))
                                    .arg(button->width())
                                    .arg(button->text())
                                    .arg(button->sizeHint().width());
            } else if (auto* group = qobject_cast<QGroupBox*>(w)) {
                untranslated(w, QStringLiteral("title"), group->title());
            } else if (auto* edit = qobject_cast<QLineEdit*>(w)) {
                untranslated(w, QStringLiteral("placeholder"), edit->placeholderText());
            } else if (auto* bar = qobject_cast<QTabBar*>(w)) {
                for (int i = 0; i < bar->count(); ++i) {
                    untranslated(w, QStringLiteral("tab"), bar->tabText(i));
                    const QString plain = QString(bar->tabText(i)).remove(QLatin1Char('&'));
                    if (bar->tabRect(i).width() <= bar->fontMetrics().horizontalAdvance(plain))
                        problems << QStringLiteral("clipped tab \"%1\" of %2").arg(bar->tabText(i), describe(w));
                }
            } else if (auto* header = qobject_cast<QHeaderView*>(w)) {
                if (header->model() && header->orientation() == Qt::Horizontal) {
                    for (int i = 0; i < header->count(); ++i) {
                        if (!header->isSectionHidden(i))
                            untranslated(w,
                                         QStringLiteral("column title"),
                                         header->model()->headerData(i, Qt::Horizontal).toString());
                    }
                }
            }
            if (w->layout())
                problems << overlaps(w);
        }
        if (auto* window = qobject_cast<QMainWindow*>(top)) {
            for (QAction* menu : window->menuBar()->actions()) {
                untranslated(window, QStringLiteral("menu"), menu->text());
                if (menu->menu()) {
                    for (QAction* item : menu->menu()->actions())
                        untranslated(window, QStringLiteral("menu item"), item->text());
                }
            }
        }
        return problems;
    }

    // Visible widgets that one layout places side by side and that overlap.
    static QStringList overlaps(QWidget* parent)
    {
        QStringList problems;
        QList<QWidget*> laidOut;
        const QList<QWidget*> children = parent->findChildren<QWidget*>(Qt::FindDirectChildrenOnly);
        for (QWidget* child : children) {
            if (child->isVisible() && !child->isWindow() && parent->layout()->indexOf(child) >= 0)
                laidOut << child;
        }
        std::function<void(QLayout*)> collect = [&](QLayout* layout) {
            for (int i = 0; i < layout->count(); ++i) {
                QLayoutItem* item = layout->itemAt(i);
                if (QWidget* w = item->widget(); w && w->isVisible() && !laidOut.contains(w))
                    laidOut << w;
                else if (QLayout* inner = item->layout())
                    collect(inner);
            }
        };
        collect(parent->layout());
        for (int i = 0; i < laidOut.size(); ++i) {
            for (int j = i + 1; j < laidOut.size(); ++j) {
                if (laidOut.at(i)->geometry().intersects(laidOut.at(j)->geometry()))
                    problems << QStringLiteral("%1 overlaps %2").arg(describe(laidOut.at(i)), describe(laidOut.at(j)));
            }
        }
        return problems;
    }
};

QTEST_MAIN(tst_TextFit)
#include "tst_textfit.moc"

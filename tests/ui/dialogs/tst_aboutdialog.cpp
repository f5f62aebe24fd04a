#include "dialogs/AboutDialog.h"
#include "mainwindow/MainWindowActions.h"

#include <Qsci/qsciglobal.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QTest>
#include <QTextDocument>
#include <QUndoStack>

// Help › About, as the user reads it: the designer's version (the project's), the Qt and
// QScintilla versions, the licences and a link to the source; Copy Version Info.
class tst_AboutDialog : public QObject
{
    Q_OBJECT

private slots:
    void showsTheVersions()
    {
        AboutDialog dialog;
        QVERIFY(text(dialog, "aboutTitleLabel").contains(QStringLiteral("Webhook Designer " WD_VERSION)));
        const QString versions = text(dialog, "aboutVersionsLabel");
        QVERIFY2(versions.contains(QStringLiteral("Qt " QT_VERSION_STR)), qPrintable(versions));
        QVERIFY2(versions.contains(QString::fromLatin1(qVersion())), qPrintable(versions));
        QVERIFY2(versions.contains(QStringLiteral("QScintilla " QSCINTILLA_VERSION_STR)), qPrintable(versions));
    }

    void listsTheLicences()
    {
        AboutDialog dialog;
        const QString licence = text(dialog, "aboutLicenseLabel");
        QVERIFY(licence.contains(QStringLiteral("GPL-3.0-or-later")));
        QVERIFY(
            licence.contains(QStringLiteral("QScintilla, under the GNU General Public License version 3 (GPL-3.0)")));
        QVERIFY(licence.contains(QStringLiteral("LGPL-3.0")));
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("aboutLicenseLabel"))
                    ->text()
                    .contains(QStringLiteral("href=\"https://www.gnu.org/licenses/gpl-3.0.html\"")));
    }

    void linksToTheSource()
    {
        AboutDialog dialog;
        const auto* source = dialog.findChild<QLabel*>(QStringLiteral("aboutSourceLabel"));
        QVERIFY(source);
        QVERIFY(source->openExternalLinks());
        QVERIFY(
            source->text().contains(QStringLiteral("href=\"https://github.com/webhook-designer/webhook-designer\"")));
        QCOMPARE(AboutDialog::sourceUrl(), QStringLiteral("https://github.com/webhook-designer/webhook-designer"));
    }

    void copiesTheVersionInfo()
    {
        AboutDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* copy = dialog.findChild<QPushButton*>(QStringLiteral("copyVersionInfoButton"));
        QVERIFY(copy);
        QApplication::clipboard()->clear();
        QTest::mouseClick(copy, Qt::LeftButton);
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.startsWith(QStringLiteral("Webhook Designer " WD_VERSION ", Qt ")), qPrintable(copied));
        QVERIFY(copied.contains(QStringLiteral("QScintilla " QSCINTILLA_VERSION_STR)));
    }

    void helpMenuOpensIt()
    {
        QMainWindow window;
        QUndoStack undoStack;
        MainWindowActions actions(&window, &undoStack);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        actions.action(MainWindowActions::About)->trigger();
        AboutDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<AboutDialog*>()) && dialog->isVisible());
        QVERIFY(dialog->isModal());
        auto* close = dialog->findChild<QPushButton*>(QStringLiteral("aboutCloseButton"));
        QVERIFY(close);
        QTest::mouseClick(close, Qt::LeftButton);
        // Closed is deleted: the next About is a new dialog.
        QTRY_VERIFY(!window.findChild<AboutDialog*>());
    }

private:
    static QString text(const AboutDialog& dialog, const char* name)
    {
        const auto* label = dialog.findChild<QLabel*>(QLatin1String(name));
        if (!label)
            return {};
        QTextDocument document;
        document.setHtml(label->text());
        return document.toPlainText().simplified();
    }
};

QTEST_MAIN(tst_AboutDialog)
#include "tst_aboutdialog.moc"

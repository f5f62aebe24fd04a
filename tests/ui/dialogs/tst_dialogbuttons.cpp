#include "UiTestWorkspace.h"
#include "batch/BatchDialog.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/FieldChooserDialog.h"
#include "dialogs/SettingsDialog.h"
#include "dialogs/TokenPickerDialog.h"
#include "history/HistoryDialog.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QTest>

#include <memory>

// Every button of a dialog's button box (the standard Close, OK and Cancel included) has
// an objectName for tests and an accessible name for screen readers.
class tst_DialogButtons : public QObject
{
    Q_OBJECT

private slots:
    void buttonsAreNamed_data()
    {
        QTest::addColumn<QString>("dialog");
        QTest::newRow("about") << QStringLiteral("about");
        QTest::newRow("batch") << QStringLiteral("batch");
        QTest::newRow("history") << QStringLiteral("history");
        QTest::newRow("settings") << QStringLiteral("settings");
        QTest::newRow("token picker") << QStringLiteral("tokenPicker");
        QTest::newRow("field chooser") << QStringLiteral("fieldChooser");
    }

    void buttonsAreNamed()
    {
        QFETCH(QString, dialog);
        std::unique_ptr<QDialog> widget;
        if (dialog == QLatin1String("about")) {
            widget = std::make_unique<AboutDialog>();
        } else if (dialog == QLatin1String("batch")) {
            widget = std::make_unique<BatchDialog>(uiTestWorkspace(), 0);
        } else if (dialog == QLatin1String("history")) {
            widget = std::make_unique<HistoryDialog>();
        } else if (dialog == QLatin1String("settings")) {
            widget = std::make_unique<SettingsDialog>();
        } else if (dialog == QLatin1String("tokenPicker")) {
            widget = std::make_unique<TokenPickerDialog>();
        } else {
            widget = std::make_unique<FieldChooserDialog>(uiTestWorkspace().catalog(), QStringLiteral("data.company"));
        }
        const QList<QDialogButtonBox*> boxes = widget->findChildren<QDialogButtonBox*>();
        QVERIFY(!boxes.isEmpty());
        for (QDialogButtonBox* box : boxes) {
            QVERIFY(!box->buttons().isEmpty());
            for (QAbstractButton* button : box->buttons()) {
                const QString what = QStringLiteral("%1 \"%2\"").arg(dialog, button->text());
                QVERIFY2(button->objectName().endsWith(QLatin1String("Button")), qPrintable(what));
                QVERIFY2(!button->accessibleName().isEmpty(), qPrintable(what));
            }
        }
    }
};

QTEST_MAIN(tst_DialogButtons)
#include "tst_dialogbuttons.moc"

#include "WindowTestSupport.h"
#include "mainwindow/AppSettings.h"

#include <QApplication>
#include <QFont>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(AppSettings::Values)

// The designer's one settings store, over the settings file of its own test mode: the
// defaults, every value written and read back by a new store, the recent files, and what
// a stored value that is out of range or not a number reads as.
class tst_AppSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { useWindowTestSettings(QStringLiteral("tst_appsettings")); }

    void init()
    {
        QSettings settings;
        settings.clear();
        settings.sync();
    }

    void defaults()
    {
        const AppSettings settings;
        checkValues(settings.values(), defaultValues());
        WD_RETURN_IF_FAILED();
        QCOMPARE(settings.recentFiles(), QStringList());
    }

    void valuesRoundTrip_data()
    {
        QTest::addColumn<AppSettings::Values>("values");
        QTest::newRow("lowest") << AppSettings::Values {1, false, 0, 6, Theme::Mode::System};
        QTest::newRow("highest") << AppSettings::Values {300, true, 65535, 48, Theme::Mode::Dark};
        QTest::newRow("typical") << AppSettings::Values {45, false, 20000, 13, Theme::Mode::Light};
    }

    void valuesRoundTrip()
    {
        QFETCH(AppSettings::Values, values);
        AppSettings settings;
        QSignalSpy changed(&settings, &AppSettings::valuesChanged);
        settings.setValues(values);
        QCOMPARE(changed.count(), 1);
        checkValues(settings.values(), values);
        WD_RETURN_IF_FAILED();
        // Written through: a store made now, as at the next start, reads the same.
        checkValues(AppSettings().values(), values);
    }

    void setValuesKeepsTheRanges()
    {
        AppSettings settings;
        settings.setValues({0, false, 70000, 100, Theme::Mode(7)});
        AppSettings::Values expected = defaultValues();
        expected.followRedirects = false;
        checkValues(settings.values(), expected);
        WD_RETURN_IF_FAILED();
        checkValues(AppSettings().values(), expected);
    }

    void badStoredValuesReadAsTheDefault_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QVariant>("stored");
        QTest::addColumn<QVariant>("expected");
        const AppSettings::Values defaults = defaultValues();
        const QString timeout = QStringLiteral("network/timeoutSeconds");
        const QString redirects = QStringLiteral("network/followRedirects");
        const QString port = QStringLiteral("sandbox/port");
        const QString font = QStringLiteral("editor/fontSize");
        const QString theme = QStringLiteral("appearance/theme");
        QTest::newRow("timeout abc") << timeout << QVariant(QStringLiteral("abc")) << QVariant(defaults.timeoutSeconds);
        QTest::newRow("timeout empty") << timeout << QVariant(QString()) << QVariant(defaults.timeoutSeconds);
        QTest::newRow("timeout 0") << timeout << QVariant(0) << QVariant(defaults.timeoutSeconds);
        QTest::newRow("timeout -5") << timeout << QVariant(-5) << QVariant(defaults.timeoutSeconds);
        QTest::newRow("timeout 301") << timeout << QVariant(301) << QVariant(defaults.timeoutSeconds);
        QTest::newRow("timeout 12.5") << timeout << QVariant(QStringLiteral("12.5"))
                                      << QVariant(defaults.timeoutSeconds);
        QTest::newRow("timeout as text") << timeout << QVariant(QStringLiteral("12")) << QVariant(12);
        QTest::newRow("port abc") << port << QVariant(QStringLiteral("abc")) << QVariant(defaults.sandboxPort);
        QTest::newRow("port -1") << port << QVariant(-1) << QVariant(defaults.sandboxPort);
        QTest::newRow("port 65536") << port << QVariant(65536) << QVariant(defaults.sandboxPort);
        QTest::newRow("port 0") << port << QVariant(0) << QVariant(0);
        QTest::newRow("font abc") << font << QVariant(QStringLiteral("abc")) << QVariant(defaults.editorFontSize);
        QTest::newRow("font 5") << font << QVariant(5) << QVariant(defaults.editorFontSize);
        QTest::newRow("font 49") << font << QVariant(49) << QVariant(defaults.editorFontSize);
        QTest::newRow("redirects maybe") << redirects << QVariant(QStringLiteral("maybe")) << QVariant(true);
        QTest::newRow("redirects empty") << redirects << QVariant(QString()) << QVariant(true);
        QTest::newRow("redirects false") << redirects << QVariant(QStringLiteral("false")) << QVariant(false);
        QTest::newRow("redirects 0") << redirects << QVariant(0) << QVariant(false);
        QTest::newRow("theme purple") << theme << QVariant(QStringLiteral("purple"))
                                      << QVariant(QStringLiteral("system"));
        QTest::newRow("theme 2") << theme << QVariant(2) << QVariant(QStringLiteral("system"));
        QTest::newRow("theme empty") << theme << QVariant(QString()) << QVariant(QStringLiteral("system"));
        QTest::newRow("theme DARK") << theme << QVariant(QStringLiteral(" DARK ")) << QVariant(QStringLiteral("dark"));
        QTest::newRow("theme light") << theme << QVariant(QStringLiteral("light")) << QVariant(QStringLiteral("light"));
    }

    void badStoredValuesReadAsTheDefault()
    {
        QFETCH(QString, key);
        QFETCH(QVariant, stored);
        QFETCH(QVariant, expected);
        store(key, stored);
        const AppSettings::Values values = AppSettings().values();
        QCOMPARE(valueOf(values, key), expected);
        // The other values keep their defaults.
        const AppSettings::Values defaults = defaultValues();
        for (const QString& other : valueKeys()) {
            if (other != key) {
                QCOMPARE(valueOf(values, other), valueOf(defaults, other));
            }
        }
    }

    void recentFilesAreNewestFirstAndEachOnce()
    {
        AppSettings settings;
        QSignalSpy changed(&settings, &AppSettings::recentFilesChanged);
        settings.addRecentFile(workFile("a"));
        settings.addRecentFile(workFile("b"));
        settings.addRecentFile(workFile("c"));
        QCOMPARE(settings.recentFiles(), (QStringList {workFile("c"), workFile("b"), workFile("a")}));
        // Opened again, a file moves to the top rather than appearing twice.
        settings.addRecentFile(workFile("a"));
        const QStringList expected {workFile("a"), workFile("c"), workFile("b")};
        QCOMPARE(settings.recentFiles(), expected);
        QCOMPARE(changed.count(), 4);
        // No name is no file.
        settings.addRecentFile(QString());
        QCOMPARE(settings.recentFiles(), expected);
        QCOMPARE(changed.count(), 4);
        QCOMPARE(AppSettings().recentFiles(), expected);
    }

    void recentFilesKeepTheNewestUpToTheLimit()
    {
        AppSettings settings;
        QStringList added;
        for (int i = 0; i < AppSettings::maxRecentFiles + 3; ++i) {
            added.prepend(QStringLiteral("/projects/%1.webhooks.json").arg(i));
            settings.addRecentFile(added.first());
        }
        const QStringList newest = added.mid(0, AppSettings::maxRecentFiles);
        QCOMPARE(settings.recentFiles(), newest);
        QCOMPARE(AppSettings().recentFiles(), newest);
    }

    void aSingleRecentFileReadsBack()
    {
        AppSettings().addRecentFile(workFile("only"));
        QCOMPARE(AppSettings().recentFiles(), QStringList {workFile("only")});
    }

    void recentFilesAddedByAnotherWindowAreKept()
    {
        AppSettings first;
        AppSettings second;
        first.addRecentFile(workFile("a"));
        second.addRecentFile(workFile("b"));
        first.addRecentFile(workFile("c"));
        QCOMPARE(first.recentFiles(), (QStringList {workFile("c"), workFile("b"), workFile("a")}));
    }

    void badStoredRecentFilesAreCleanedUp()
    {
        QStringList stored;
        stored << workFile("a") << QString() << workFile("a");
        for (int i = 0; i < AppSettings::maxRecentFiles + 2; ++i) {
            stored << QStringLiteral("/projects/%1.webhooks.json").arg(i);
        }
        store(QStringLiteral("recentFiles"), stored);
        const QStringList recent = AppSettings().recentFiles();
        QCOMPARE(recent.size(), AppSettings::maxRecentFiles);
        QCOMPARE(recent.first(), workFile("a"));
        QCOMPARE(recent.at(1), workFile("0"));
        QCOMPARE(recent.count(workFile("a")), 1);
        QVERIFY(!recent.contains(QString()));

        // Adding one writes the cleaned list back.
        AppSettings().addRecentFile(workFile("new"));
        const QStringList after = QSettings().value(QStringLiteral("recentFiles")).toStringList();
        QCOMPARE(after.size(), AppSettings::maxRecentFiles);
        QCOMPARE(after.first(), workFile("new"));
        QCOMPARE(after.count(workFile("a")), 1);
    }

private:
    // The defaults as documented: the editor's font size follows the system font's.
    static AppSettings::Values defaultValues()
    {
        AppSettings::Values values;
        const int systemSize = QApplication::font().pointSize();
        if (systemSize >= 6 && systemSize <= 48) {
            values.editorFontSize = systemSize;
        }
        return values;
    }

    // A workspace file's name, as the window gives it to the store.
    static QString workFile(const char* baseName)
    {
        return QStringLiteral("/projects/%1.webhooks.json").arg(QLatin1String(baseName));
    }

    static QStringList valueKeys()
    {
        return {QStringLiteral("network/timeoutSeconds"),
                QStringLiteral("network/followRedirects"),
                QStringLiteral("sandbox/port"),
                QStringLiteral("editor/fontSize"),
                QStringLiteral("appearance/theme")};
    }

    // The value stored under `key`, as the store holds it.
    static QVariant valueOf(const AppSettings::Values& values, const QString& key)
    {
        if (key == QLatin1String("network/timeoutSeconds"))
            return values.timeoutSeconds;
        if (key == QLatin1String("network/followRedirects"))
            return values.followRedirects;
        if (key == QLatin1String("sandbox/port"))
            return values.sandboxPort;
        if (key == QLatin1String("editor/fontSize"))
            return values.editorFontSize;
        if (key == QLatin1String("appearance/theme"))
            return Theme::key(values.theme);
        return {};
    }

    static void store(const QString& key, const QVariant& value)
    {
        QSettings settings;
        settings.setValue(key, value);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }

    static void checkValues(const AppSettings::Values& actual, const AppSettings::Values& expected)
    {
        QCOMPARE(actual.timeoutSeconds, expected.timeoutSeconds);
        QCOMPARE(actual.followRedirects, expected.followRedirects);
        QCOMPARE(actual.sandboxPort, expected.sandboxPort);
        QCOMPARE(actual.editorFontSize, expected.editorFontSize);
        QCOMPARE(actual.theme, expected.theme);
    }
};

QTEST_MAIN(tst_AppSettings)
#include "tst_appsettings.moc"

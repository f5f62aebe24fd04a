#include "i18n/PseudoTranslator.h"

#include <QTest>
#include <QTextDocument>

// What the pseudo-translation makes of a text: brackets around it and 30% more length,
// placeholders and mnemonics kept, rich text still rich text, key names untouched.
class tst_PseudoTranslator : public QObject
{
    Q_OBJECT

private slots:
    void pseudo_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("word") << QStringLiteral("Send");
        QTest::newRow("mnemonic") << QStringLiteral("&Save As…");
        QTest::newRow("placeholder") << QStringLiteral("Trust this certificate for %1");
        QTest::newRow("plural") << QStringLiteral("%n error(s)");
        QTest::newRow("one letter") << QStringLiteral("s");
        QTest::newRow("sentence") << QStringLiteral("Marketo waits at most 30 seconds for a response.");
    }

    void pseudo()
    {
        QFETCH(QString, source);
        const QString pseudo = PseudoTranslator::pseudo(source);
        QVERIFY(pseudo.startsWith(QLatin1Char('[')));
        QVERIFY(pseudo.endsWith(QLatin1Char(']')));
        QVERIFY(pseudo.contains(source));
        QVERIFY2(pseudo.size() - 2 >= source.size() * 1.3, qPrintable(pseudo));
        QVERIFY(PseudoTranslator::isPseudo(pseudo));
        QVERIFY(!PseudoTranslator::isPseudo(source));
    }

    void richTextStaysRich()
    {
        const QString source = QStringLiteral("<h2>Webhook Designer %1</h2><p>Design webhooks.</p>");
        const QString pseudo = PseudoTranslator::pseudo(source);
        QVERIFY(Qt::mightBeRichText(pseudo));
        QVERIFY(pseudo.startsWith(QStringLiteral("<h2>[")));
        QVERIFY(pseudo.endsWith(QStringLiteral("]</p>")));
        QVERIFY(PseudoTranslator::isPseudo(pseudo));
    }

    void translatesThroughTr()
    {
        PseudoTranslator translator;
        QCOMPARE(translator.translate("SettingsDialog", "Settings"),
                 PseudoTranslator::pseudo(QStringLiteral("Settings")));
        QVERIFY(!translator.isEmpty());
    }

    void leavesKeyNamesAlone()
    {
        PseudoTranslator translator;
        QCOMPARE(translator.translate("QShortcut", "Ctrl"), QString());
        QCOMPARE(translator.translate("SettingsDialog", ""), QString());
    }

    void bracketsInDataAreNotPseudo() { QVERIFY(!PseudoTranslator::isPseudo(QStringLiteral("data.tags[0]"))); }
};

QTEST_MAIN(tst_PseudoTranslator)
#include "tst_pseudotranslator.moc"

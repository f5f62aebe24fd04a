#include "model/TrustedCertificate.h"

#include <QTest>

// The trusted certificate's fingerprint text, host rules and host matching.
class tst_TrustedCertificate : public QObject
{
    Q_OBJECT

private slots:
    void parseFingerprint_data();
    void parseFingerprint();
    void fingerprintTextIsUpperCaseWithColons();
    void appliesTo_data();
    void appliesTo();
    void hostProblem_data();
    void hostProblem();

private:
    static QByteArray digest();
};

QByteArray tst_TrustedCertificate::digest()
{
    QByteArray bytes;
    for (int i = 0; i < TrustedCertificate::digestSize; ++i)
        bytes.append(char(0xA0 + i));
    return bytes;
}

void tst_TrustedCertificate::parseFingerprint_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    const QString hex = QString::fromLatin1(digest().toHex());
    const QString colons = QString::fromLatin1(digest().toHex(':'));
    QTest::newRow("lower digits") << hex << true;
    QTest::newRow("upper digits") << hex.toUpper() << true;
    QTest::newRow("lower colons") << colons << true;
    QTest::newRow("upper colons") << colons.toUpper() << true;
    QTest::newRow("spaces around") << QStringLiteral(" \t") + colons + QStringLiteral("\n") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("63 digits") << hex.left(63) << false;
    QTest::newRow("65 digits") << hex + QStringLiteral("a") << false;
    QTest::newRow("31 pairs") << colons.left(colons.size() - 3) << false;
    QTest::newRow("trailing colon") << colons + QStringLiteral(":") << false;
    QTest::newRow("pair of three") << QStringLiteral("a") + colons << false;
    QTest::newRow("not hex") << QStringLiteral("g") + hex.mid(1) << false;
    QTest::newRow("space inside") << hex.left(32) + QStringLiteral(" ") + hex.mid(32) << false;
    QTest::newRow("non-ASCII digit") << QStringLiteral("\u0661") + hex.mid(1) << false;
}

void tst_TrustedCertificate::parseFingerprint()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const QByteArray parsed = TrustedCertificate::parseFingerprint(text);
    QCOMPARE(parsed.isEmpty(), !valid);
    if (valid)
        QCOMPARE(parsed, digest());
}

void tst_TrustedCertificate::fingerprintTextIsUpperCaseWithColons()
{
    const QString text = TrustedCertificate::fingerprintText(digest());
    QCOMPARE(text.size(), 95);
    QVERIFY(text.startsWith(QStringLiteral("A0:A1:A2:")));
    QVERIFY(text.endsWith(QStringLiteral(":BF")));
    QCOMPARE(TrustedCertificate::parseFingerprint(text), digest());
    QVERIFY(TrustedCertificate::fingerprintText(QByteArray(20, 'x')).isEmpty());
}

void tst_TrustedCertificate::appliesTo_data()
{
    QTest::addColumn<QString>("trustedHost");
    QTest::addColumn<QString>("urlHost");
    QTest::addColumn<bool>("applies");
    QTest::newRow("same") << QStringLiteral("dev.example.com") << QStringLiteral("dev.example.com") << true;
    QTest::newRow("case") << QStringLiteral("Dev.Example.COM") << QStringLiteral("dev.example.com") << true;
    QTest::newRow("subdomain") << QStringLiteral("example.com") << QStringLiteral("dev.example.com") << false;
    QTest::newRow("parent") << QStringLiteral("dev.example.com") << QStringLiteral("example.com") << false;
    QTest::newRow("name vs address") << QStringLiteral("localhost") << QStringLiteral("127.0.0.1") << false;
    QTest::newRow("address vs name") << QStringLiteral("127.0.0.1") << QStringLiteral("localhost") << false;
    QTest::newRow("ipv6") << QStringLiteral("::1") << QStringLiteral("::1") << true;
    QTest::newRow("idn") << QStringLiteral("b\u00fccher.example") << QStringLiteral("xn--bcher-kva.example") << true;
    QTest::newRow("empty url host") << QStringLiteral("dev.example.com") << QString() << false;
}

void tst_TrustedCertificate::appliesTo()
{
    QFETCH(QString, trustedHost);
    QFETCH(QString, urlHost);
    QFETCH(bool, applies);
    TrustedCertificate trust;
    trust.host = trustedHost;
    trust.sha256 = digest();
    QCOMPARE(trust.appliesTo(urlHost), applies);
    // Without a complete digest nothing is trusted.
    trust.sha256.chop(1);
    QVERIFY(!trust.isSet());
    QVERIFY(!trust.appliesTo(urlHost));
}

void tst_TrustedCertificate::hostProblem_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("problem"); // empty: accepted
    QTest::newRow("name") << QStringLiteral("dev.example.com") << QString();
    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1") << QString();
    QTest::newRow("ipv6") << QStringLiteral("::1") << QString();
    QTest::newRow("empty") << QString() << QStringLiteral("needs a host");
    QTest::newRow("blank") << QStringLiteral(" ") << QStringLiteral("needs a host");
    QTest::newRow("port") << QStringLiteral("localhost:8443") << QStringLiteral("without the port");
    QTest::newRow("scheme") << QStringLiteral("https://localhost") << QStringLiteral("without the scheme");
    QTest::newRow("path") << QStringLiteral("localhost/x") << QStringLiteral("without path");
    QTest::newRow("brackets") << QStringLiteral("[::1]") << QStringLiteral("without path or brackets");
    QTest::newRow("user info") << QStringLiteral("me@localhost") << QStringLiteral("without path");
    QTest::newRow("space") << QStringLiteral("dev example") << QStringLiteral("without path");
}

void tst_TrustedCertificate::hostProblem()
{
    QFETCH(QString, host);
    QFETCH(QString, problem);
    const QString found = TrustedCertificate::hostProblem(host);
    if (problem.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found));
    else
        QVERIFY2(found.contains(problem), qPrintable(found));
}

QTEST_GUILESS_MAIN(tst_TrustedCertificate)
#include "tst_trustedcertificate.moc"

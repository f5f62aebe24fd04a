// Replays every input a fuzzer ever found (tests/fuzz/regressions/<target>/) and the
// committed seed corpora (tests/fuzz/corpus/<target>/) through the fuzzers' own entry
// code, so each bug they found stays fixed and the entries themselves stay honest in the
// normal and the sanitizer build.

#include "FuzzEntries.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

class tst_FuzzRegressions : public QObject
{
    Q_OBJECT

private slots:
    void replay_data();
    void replay();
    void unknownTargetIsReported();
};

void tst_FuzzRegressions::replay_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("fileName");
    const QDir fuzz(QStringLiteral(WD_SOURCE_DIR "/tests/fuzz"));
    int regressions = 0;
    for (const QString& kind : {QStringLiteral("regressions"), QStringLiteral("corpus")}) {
        for (const QString& target : FuzzEntries::targets()) {
            QDirIterator it(fuzz.filePath(kind + QLatin1Char('/') + target), QDir::Files, QDirIterator::Subdirectories);
            QStringList files;
            while (it.hasNext()) {
                files.append(it.next());
            }
            files.sort();
            for (const QString& file : std::as_const(files)) {
                const QString row = fuzz.relativeFilePath(file);
                QTest::newRow(qPrintable(row)) << target << file;
                if (kind == QLatin1String("regressions")) {
                    ++regressions;
                }
            }
        }
    }
    QVERIFY2(QFileInfo::exists(fuzz.filePath(QStringLiteral("corpus/template"))), "seed corpus not found");
    qInfo("%d regression inputs", regressions);
}

void tst_FuzzRegressions::replay()
{
    QFETCH(QString, target);
    QFETCH(QString, fileName);
    QFile file(fileName);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QString problem = FuzzEntries::run(target, file.readAll());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void tst_FuzzRegressions::unknownTargetIsReported()
{
    QCOMPARE(FuzzEntries::run(QStringLiteral("nonsense"), QByteArray("x")),
             QStringLiteral("unknown fuzz target \"nonsense\""));
}

QTEST_GUILESS_MAIN(tst_FuzzRegressions)
#include "tst_fuzzregressions.moc"

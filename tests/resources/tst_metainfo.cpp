#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>
#include <QXmlStreamReader>

// The AppStream metainfo as the build fills it in: the release is the project's version,
// the launchable is the desktop file that is installed, and each screenshot is an image
// the repository holds in docs/, where its address points.
class tst_Metainfo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QFile file(QStringLiteral(WD_METAINFO));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            const QString name = xml.name().toString();
            if (name == QLatin1String("release"))
                m_releases << xml.attributes().value(QStringLiteral("version")).toString();
            else if (name == QLatin1String("image"))
                m_images << xml.readElementText();
            else if (name == QLatin1String("launchable"))
                m_launchable = xml.readElementText();
            else if (name == QLatin1String("binary"))
                m_binaries << xml.readElementText();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    }

    void releaseIsTheVersion() { QCOMPARE(m_releases.value(0), QStringLiteral(WD_VERSION)); }

    void launchesTheDesktopFile()
    {
        QVERIFY(QFile::exists(QStringLiteral(WD_SOURCE_DIR "/resources/desktop/") + m_launchable));
    }

    void providesBothPrograms()
    {
        QCOMPARE(m_binaries,
                 (QStringList {QStringLiteral("webhook-designer"), QStringLiteral("webhook-designer-cli")}));
    }

    void screenshotsAreInTheRepository()
    {
        QVERIFY(m_images.size() >= 2);
        for (const QString& image : std::as_const(m_images)) {
            QVERIFY2(image.startsWith(QStringLiteral("https://raw.githubusercontent.com/")), qPrintable(image));
            QVERIFY2(image.contains(QStringLiteral("/main/docs/")), qPrintable(image));
            const QString file = QStringLiteral(WD_SOURCE_DIR "/docs/") + QFileInfo(image).fileName();
            QVERIFY2(QFile::exists(file), qPrintable(file));
        }
    }

private:
    QStringList m_releases;
    QStringList m_images;
    QStringList m_binaries;
    QString m_launchable;
};

QTEST_GUILESS_MAIN(tst_Metainfo)
#include "tst_metainfo.moc"

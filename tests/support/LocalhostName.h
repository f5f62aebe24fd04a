#pragma once

#include <QFile>
#include <QRegularExpression>
#include <QString>

// Tests that call "localhost" as a second name for 127.0.0.1 need /etc/hosts to say so:
// the tests reach no resolver but the hosts file, and a container may ship without the
// entry. Such a test calls QSKIP(LocalhostName::skipReason()) when this is false.
namespace LocalhostName {

inline bool resolvesToLoopback()
{
    QFile hosts(QStringLiteral("/etc/hosts"));
    if (!hosts.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    static const QRegularExpression entry(QStringLiteral(R"(^\s*127\.\d+\.\d+\.\d+(\s+\S+)*\s+localhost(\s|$))"));
    while (!hosts.atEnd()) {
        QString line = QString::fromUtf8(hosts.readLine());
        line.truncate(line.indexOf(QLatin1Char('#')) < 0 ? line.size() : line.indexOf(QLatin1Char('#')));
        if (entry.match(line).hasMatch())
            return true;
    }
    return false;
}

inline const char* skipReason()
{
    return "/etc/hosts has no entry for localhost on 127.x.x.x, and the tests use no other resolver: "
           "add \"127.0.0.1 localhost\" to /etc/hosts to run this test";
}

} // namespace LocalhostName

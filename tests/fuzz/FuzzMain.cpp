// The libFuzzer driver shared by every fuzz target: WD_FUZZ_TARGET names the entry of
// FuzzEntries to run. A contract violation aborts, so libFuzzer saves the input.

#include "FuzzEntries.h"

#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

namespace {
// Parsers may warn through qWarning(); printing each one would dominate the run time.
void quietMessageHandler(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        std::abort();
    }
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    qInstallMessageHandler(quietMessageHandler);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const QString target = QStringLiteral(WD_FUZZ_TARGET);
    const QString problem =
        FuzzEntries::run(target, QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size)));
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "fuzz_%s: contract violated: %s\n", WD_FUZZ_TARGET, qPrintable(problem));
        std::abort();
    }
    return 0;
}

#pragma once

#include <QByteArray>
#include <QObject>
#include <QTest>

// Finding a widget or action by objectName in a ui test.

// The child of `parent` of type T with that objectName, or nullptr after failing the
// running test function with a message that names the objectName. Test functions use it
// through WD_FIND_CHILD, which also ends them; a helper that returns a value checks the
// pointer (or QTest::currentTestFailed()) and its caller ends itself.
template <typename T>
T* findTestChild(const QObject* parent, const char* name, const char* file, int line)
{
    T* child = parent ? parent->findChild<T*>(QLatin1String(name)) : nullptr;
    if (!child) {
        const QByteArray message = QByteArrayLiteral("no ") + T::staticMetaObject.className()
                                   + QByteArrayLiteral(" with objectName \"") + name + QByteArrayLiteral("\"");
        QTest::qFail(message.constData(), file, line);
    }
    return child;
}

// Declares `var` as parent's child of type T named `name`; a missing one fails the running
// test function with the objectName and returns from it, rather than a crash on a null
// pointer further on. Only a test function (or a void helper) can return for itself,
// hence a macro.
#define WD_FIND_CHILD(var, T, parent, name)                                \
    T* const var = findTestChild<T>((parent), (name), __FILE__, __LINE__); \
    if (!var)                                                              \
    return

// Ends the running test function when a helper it called has failed it.
#define WD_RETURN_IF_FAILED()       \
    if (QTest::currentTestFailed()) \
    return

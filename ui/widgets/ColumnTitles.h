#pragma once

#include <QStringList>
#include <QVariant>

class QAbstractItemModel;

// The header data of a table model whose columns have fixed titles: titles[section] as
// the text of the horizontal header, and for anything else (a vertical header's row
// numbers, other roles) what QAbstractItemModel gives.
QVariant columnTitleData(
    const QAbstractItemModel* model, const QStringList& titles, int section, Qt::Orientation orientation, int role);

#pragma once

class QAbstractItemModel;
class QTableView;
class QWidget;

// A table view over a model the user reads but does not edit: whole rows are selected,
// no cell opens an editor, Tab moves on to the next widget rather than through the cells,
// rows are compact and unnumbered, and the last column takes the remaining width.
QTableView* createReadOnlyTable(QAbstractItemModel* model, QWidget* parent);

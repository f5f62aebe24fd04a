// Replaced by the designer window.

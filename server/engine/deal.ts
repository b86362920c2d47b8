// Table sizes and role slots: pure, in shared/ so the cockpit's preview runs the same rules; the engine keeps this path.
export * from '../../shared/deal';

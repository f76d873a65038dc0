/** The Nest injection token of the {@link Store} (an interface has no runtime value to inject by). */
export const STORE = Symbol('STORE');

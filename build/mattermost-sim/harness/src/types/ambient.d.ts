// Minimal typings for the untyped packages the harness uses directly (no
// @types packages are installed for them). Only what the harness calls.

declare module 'history' {
    export interface Location {
        pathname: string;
        search: string;
        hash: string;
    }
    export interface History {
        readonly location: Location;
        push(path: string): void;
        replace(path: string): void;
        listen(listener: (location: Location) => void): () => void;
    }
    export function createBrowserHistory(options?: {basename?: string}): History;
    export function createMemoryHistory(options?: {initialEntries?: string[]}): History;
}

declare module 'react-router-dom' {
    import type {ComponentType, ReactNode} from 'react';
    import type {History} from 'history';

    export interface RouteComponentProps<Params extends Record<string, string> = Record<string, string>> {
        match: {params: Params; url: string; path: string};
        history: History;
    }
    export const Router: ComponentType<{history: History; children?: ReactNode}>;
    export const Switch: ComponentType<{children?: ReactNode}>;
    export const Route: ComponentType<{path?: string | string[]; exact?: boolean; children?: ReactNode; render?: (props: RouteComponentProps) => ReactNode}>;
    export const Redirect: ComponentType<{to: string}>;
    export function useHistory(): History;
    export function useParams<Params extends Record<string, string>>(): Params;
}

declare module 'react-bootstrap' {
    // Exposed as window.ReactBootstrap only; the harness UI does not use it.
    const components: Record<string, unknown>;
    export = components;
}

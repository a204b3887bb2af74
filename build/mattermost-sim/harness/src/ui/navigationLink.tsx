import React from 'react';

import {useHost} from './hostContext';

interface Props {
    to: string;
    className?: string;
    testId: string;
    children: React.ReactNode;
}

/** An in-app link: a real href (so it can be opened elsewhere) that navigates through the history. */
export function NavigationLink({to, className, testId, children}: Props) {
    const host = useHost();
    return (
        <a
            href={host.siteUrl() + to}
            className={className}
            data-testid={testId}
            onClick={(event) => {
                event.preventDefault();
                host.history.push(to);
            }}
        >
            {children}
        </a>
    );
}

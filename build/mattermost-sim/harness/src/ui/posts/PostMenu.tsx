// The post's "..." menu with plugin items (registerPostDropdownMenuAction):
// an item shows when it has no filter or filter(postId) is true; clicking
// calls action(postId). Submenu items are listed under their parent.
import React, {useState} from 'react';

import {getPluginComponents} from '../../store/selectors';
import type {RegisteredComponent} from '../../store/state';
import type {Post} from '../../types/entities';
import {asFunction, asReactNode} from '../asReactNode';
import {useHarnessSelector} from '../hooks';

function visible(item: RegisteredComponent, postId: string): boolean {
    const filter = asFunction<[string], boolean>(item.filter);
    return !filter || Boolean(filter(postId));
}

function MenuItems({items, postId, close}: {items: RegisteredComponent[]; postId: string; close: () => void}) {
    return (
        <>
            {items.filter((item) => visible(item, postId)).map((item) => {
                const subMenu = Array.isArray(item.subMenu) ? (item.subMenu as RegisteredComponent[]) : [];
                return (
                    <li key={item.id}>
                        <button
                            type='button'
                            data-testid={`post-menu-item-${item.id}`}
                            data-plugin-id={item.pluginId}
                            onClick={() => {
                                asFunction<[string], void>(item.action)?.(postId);
                                close();
                            }}
                        >
                            {asReactNode(item.text)}
                        </button>
                        {subMenu.length > 0 && (
                            <ul className='harness-post-menu__submenu'>
                                <MenuItems
                                    items={subMenu}
                                    postId={postId}
                                    close={close}
                                />
                            </ul>
                        )}
                    </li>
                );
            })}
        </>
    );
}

export function PostMenu({post}: {post: Post}) {
    const [open, setOpen] = useState(false);
    const items = useHarnessSelector((state) => getPluginComponents(state, 'PostDropdownMenu'));
    if (items.length === 0) {
        return null;
    }
    return (
        <span className='harness-post-menu'>
            <button
                type='button'
                className='harness-icon-button'
                aria-label='Message actions'
                data-testid={`post-menu-button-${post.id}`}
                onClick={() => setOpen(!open)}
            >
                {'⋯'}
            </button>
            {open && (
                <ul
                    className='harness-post-menu__list'
                    data-testid={`post-menu-${post.id}`}
                >
                    <MenuItems
                        items={items}
                        postId={post.id}
                        close={() => setOpen(false)}
                    />
                </ul>
            )}
        </span>
    );
}

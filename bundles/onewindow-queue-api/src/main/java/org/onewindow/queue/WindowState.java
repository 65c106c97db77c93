package org.onewindow.queue;

/** A window's state: nobody signed in, serving, or paused by its clerk (暂停服务). */
public enum WindowState {
    CLOSED, OPEN, PAUSED
}
